package org.regionwise.experiments.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.autodiff.text.OneLine;

/**
 * The warning for foreground classes that are in the validation reference but that the model predicts
 * nowhere: during training after each validation, and in the demo after the final evaluation. A run that
 * ends at Dice 0 for a class should say so while there is still time to change course.
 *
 * <p>The likely cause with the RW losses is the loss itself: its gradient at a pixel is scaled by the softmax
 * of the pixel's true class (docs/mathematics.md), so a small class whose probability collapses early, while
 * the many pixels outside it push it down, recovers slowly, more so at a high learning rate.
 */
public final class NeverPredicted {
    /** What to try, shared by {@code train} and {@code demo}. */
    public static final String HINT = "The RW gradient at a pixel is scaled by the softmax of its true class, so a small"
            + " class whose probability collapses early recovers slowly. A lower learning rate (--lr, the paper uses 1e-4)"
            + " or a longer run may still learn it; a loss that starts as cross entropy ('regionwise train --loss"
            + " gradual-ce-rrw', the paper's Sec. 4.4) learns it sooner.";

    private NeverPredicted() {}

    /** Foreground classes with reference voxels but no predicted voxel, by name. */
    public static List<String> classes(long[] predictedVoxels, long[] referenceVoxels, List<String> classNames) {
        List<String> missed = new ArrayList<>();
        for (int c = 1; c < predictedVoxels.length; c++) {
            if (predictedVoxels[c] == 0 && referenceVoxels[c] > 0) missed.add(c < classNames.size() ? classNames.get(c) : "class " + c);
        }
        return missed;
    }

    /** "X, Y were never predicted ..." with the hint, or "" when every class was predicted somewhere. */
    public static String sentence(List<String> missed) {
        if (missed.isEmpty()) return "";
        // Class names are dataset.json's: quoted, so the warning stays one line.
        return OneLine.visible(String.join(", ", missed)) + (missed.size() == 1 ? " was" : " were") + " never predicted. " + HINT;
    }

    /** The training-time warning after validating epoch {@code epoch} (from 0), or "". */
    static String note(long[][] voxels, List<String> classNames, int epoch) {
        if (voxels == null) return "";
        List<String> missed = classes(voxels[0], voxels[1], classNames);
        if (missed.isEmpty()) return "";
        return String.format(Locale.ROOT, "warning: at the validation after epoch %d, %s", epoch + 1, sentence(missed));
    }
}
