package org.regionwise.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.regionwise.autodiff.text.OneLine;

/**
 * A named set of independent trials in one output folder:
 *
 * <pre>
 * OUT/study.json          the manifest: command, configuration, trial ids (written when the study is opened)
 * OUT/trials/ID/          one folder per trial ({@link Trial})
 * OUT/...                 the command's tables and figures
 * </pre>
 *
 * Opening a folder that holds a study made by another command or configuration is refused with one line
 * that says what differs: results of different settings must never be mixed into one table.
 */
public final class Study {
    public static final String MANIFEST = "study.json";
    public static final String TRIALS = "trials";

    /**
     * The manifest.
     *
     * @param command       the command that made the study ({@code table}, {@code fig5}, ...)
     * @param configuration every setting that decides the results, as text, by name
     * @param trials        the trial ids in study order
     */
    @JsonPropertyOrder({"command", "configuration", "trials"})
    public record Manifest(String command, Map<String, String> configuration, List<String> trials) {
        public Manifest {
            configuration = new TreeMap<>(configuration);
            trials = List.copyOf(trials);
        }
    }

    private final Path folder;
    private final String command;
    private final List<TrialSpec> trials;

    private Study(Path folder, String command, List<TrialSpec> trials) {
        this.folder = folder;
        this.command = command;
        this.trials = List.copyOf(trials);
    }

    /**
     * Opens (creating if needed) the study in {@code folder}.
     *
     * @param configuration the settings that decide the results (not --parallel or --threads), as text
     * @throws StudyConflictException when the folder holds a different study, naming the first differences
     * @throws IllegalArgumentException when two trials are the same
     */
    public static Study open(Path folder, String command, Map<String, String> configuration, List<TrialSpec> trials)
            throws IOException {
        if (trials.isEmpty()) throw new IllegalArgumentException("a study needs at least one trial");
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TrialSpec t : trials) {
            String id = t.id();
            if (!seen.add(id)) throw new IllegalArgumentException("trial " + OneLine.visible(id) + " appears twice in the study");
            ids.add(id);
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new StudyConflictException(folder + " exists and is not a folder (--out names a folder)");
        }
        Manifest wanted = new Manifest(command, configuration, ids);
        Path manifest = folder.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            Manifest there = StudyJson.read(manifest, Manifest.class);
            String difference = difference(there, wanted);
            if (difference != null) {
                throw new StudyConflictException(folder + " holds another study (" + difference
                        + "); refusing to mix results: choose another --out or delete that folder");
            }
        } else {
            if (Files.isDirectory(folder.resolve(TRIALS))) {
                throw new StudyConflictException(folder + " has trials but no " + MANIFEST + "; refusing to mix results: choose another --out");
            }
            StudyJson.write(manifest, wanted);
        }
        return new Study(folder, command, trials);
    }

    /** What differs between two manifests, in words, or null when they are the same study. */
    static String difference(Manifest there, Manifest wanted) {
        if (!there.command().equals(wanted.command())) {
            return "made by '" + OneLine.visible(there.command()) + "', not '" + OneLine.visible(wanted.command()) + "'";
        }
        List<String> diffs = new ArrayList<>();
        Set<String> keys = new TreeSet<>(there.configuration().keySet());
        keys.addAll(wanted.configuration().keySet());
        for (String k : keys) {
            String a = there.configuration().get(k), b = wanted.configuration().get(k);
            if (a == null ? b != null : !a.equals(b)) diffs.add(k + " " + (a == null ? "unset" : a) + " there, " + (b == null ? "unset" : b) + " now");
        }
        if (!diffs.isEmpty()) return String.join("; ", diffs);
        if (!there.trials().equals(wanted.trials())) return "same settings but other trials (a different version of regionwise?)";
        return null;
    }

    public Path folder() {
        return folder;
    }

    public String command() {
        return command;
    }

    /** The trials, in study order. */
    public List<TrialSpec> trials() {
        return trials;
    }

    /** The folder of trial {@code spec}: {@code OUT/trials/<id>}. */
    public Path trialFolder(TrialSpec spec) {
        return folder.resolve(TRIALS).resolve(spec.id());
    }
}
