package org.regionwise.experiments.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.autodiff.text.OneLine;

/**
 * Warnings for a split that leaves a class out: a class with no voxel in the training slices cannot be
 * learned (training ends at Dice 0 for it, silently), and a class with no voxel in the validation slices
 * cannot be scored (its Dice is undefined at every validation). Given before training, with the numbers.
 */
public final class SplitCoverage {
    private SplitCoverage() {}

    /**
     * One line per missing class, each starting "warning: "; empty when both splits hold every class. A class name is
     * dataset.json's, quoted with {@link OneLine}.
     */
    public static List<String> warnings(TrainingData data) {
        List<String> out = new ArrayList<>();
        List<String> names = data.classNames();
        long[] train = data.train().classCounts();
        long[] validation = data.validation().isEmpty() ? null : data.validation().classCounts();
        for (int c = 0; c < names.size(); c++) {
            if (train[c] == 0) {
                out.add(String.format(Locale.ROOT, "warning: class %d (%s) has 0 voxels in the training split (%d slices, %s voxels)"
                                + "%s: the network cannot learn it and its Dice will stay 0. Choose another split (--fold,"
                                + " --validation-fraction) or check the labels.", c, OneLine.visible(names.get(c)), data.train().size(), total(train),
                        validation == null ? "" : String.format(Locale.ROOT, "; the validation split has %d", validation[c])));
            } else if (validation != null && validation[c] == 0) {
                out.add(String.format(Locale.ROOT, "warning: class %d (%s) has 0 voxels in the validation split (%d slices, %s voxels;"
                                + " %d in training): its validation Dice is undefined and the mean foreground Dice leaves it out."
                                + " Choose another split (--fold, --validation-fraction) to score it.", c, OneLine.visible(names.get(c)),
                        data.validation().size(), total(validation), train[c]));
            }
        }
        return out;
    }

    private static String total(long[] counts) {
        long sum = 0;
        for (long c : counts) sum += c;
        return String.format(Locale.ROOT, "%,d", sum);
    }
}
