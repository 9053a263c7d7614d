package org.regionwise.studies.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regionwise.experiments.study.LocalRunner;
import org.regionwise.experiments.study.Study;
import org.regionwise.experiments.study.Trial;
import org.regionwise.experiments.study.TrialRunner;
import org.regionwise.experiments.study.TrialSpec;

/** The tests' tiny studies and the byte-for-byte comparison of two study folders. */
final class StudyFiles {
    /** The files of a trial that hold its results (history.csv holds timings, so it differs run to run). */
    static final List<String> RESULT_FILES = List.of(Trial.SPEC, Trial.RESULT, Trial.METRICS);

    private StudyFiles() {}

    /** {@code losses x seeds} tiny trials of {@code epochs} epochs. */
    static List<TrialSpec> trials(List<String> losses, int seeds, int epochs) {
        List<TrialSpec> out = new ArrayList<>();
        for (String loss : losses) for (int s = 0; s < seeds; s++) out.add(TinyEnvironment.spec(loss, s, epochs));
        return out;
    }

    static Study open(Path folder, List<TrialSpec> trials) throws IOException {
        return Study.open(folder, "tiny", Map.of("epochs", Integer.toString(trials.get(0).epochs())), trials);
    }

    /** The study run here, one trial at a time with one thread, as the reference. */
    static Study local(Path folder, List<TrialSpec> trials) throws IOException {
        Study study = open(folder, trials);
        new LocalRunner(1, 1, new TinyEnvironment().get()).run(study, TrialRunner.Listener.silent());
        return study;
    }

    /** Asserts that every trial's result files are the same bytes in both studies. */
    static void assertSameResults(Study expected, Study actual) throws IOException {
        for (TrialSpec spec : expected.trials()) {
            for (String name : RESULT_FILES) {
                Path a = expected.trialFolder(spec).resolve(name), b = actual.trialFolder(spec).resolve(name);
                assertTrue(Files.isRegularFile(b), b + " is missing");
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), spec.id() + "/" + name + " differs");
            }
        }
        assertArrayEquals(Files.readAllBytes(expected.folder().resolve(Study.MANIFEST)),
                Files.readAllBytes(actual.folder().resolve(Study.MANIFEST)));
    }
}
