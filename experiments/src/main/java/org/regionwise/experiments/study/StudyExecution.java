package org.regionwise.experiments.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.autodiff.text.OneLine;

/**
 * Runs a study for a command: every trial through the runner, one progress line per trial, and then either all
 * results (completed or diverged) or one error that says how many trials failed and that rerunning the same
 * command retries just those.
 */
public final class StudyExecution {
    private StudyExecution() {}

    /**
     * @throws StudyFailedException when a trial failed (its folder keeps its checkpoint; the others their results)
     */
    public static List<TrialResult> run(Study study, TrialRunner runner, PrintWriter out) throws IOException {
        String name = study.command();
        List<TrialResult> results = runner.run(study, (r, skipped, done, total) -> {
            out.println(String.format(Locale.ROOT, "%s trial %d/%d %s: %s%s", name, done, total, r.specId(), line(r),
                    skipped ? " (done before)" : ""));
            out.flush();
        });
        List<TrialResult> failed = new ArrayList<>();
        for (TrialResult r : results) if (r.status() == TrialResult.Status.FAILED) failed.add(r);
        if (!failed.isEmpty()) {
            TrialResult first = failed.get(0);
            throw new StudyFailedException(failed.size() + " of " + results.size() + " trials failed (" + first.specId() + ": "
                    + first.message() + "); the others are saved in " + study.folder() + ": rerun the same command to retry");
        }
        return results;
    }

    private static String line(TrialResult r) {
        return switch (r.status()) {
            case COMPLETED -> String.format(Locale.ROOT, "mean foreground Dice %.4f", r.meanForegroundDice());
            case DIVERGED -> "diverged: " + OneLine.visible(r.message()); // a trial's error: one progress line
            case FAILED -> "FAILED: " + OneLine.visible(r.message());
        };
    }
}
