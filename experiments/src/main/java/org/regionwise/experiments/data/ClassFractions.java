package org.regionwise.experiments.data;

import java.util.List;
import java.util.Locale;

/** Counting classes in label maps, and printing the result. */
public final class ClassFractions {
    private ClassFractions() {}

    /**
     * Adds the number of voxels of each class in {@code labels} to {@code counts}.
     *
     * @throws IllegalArgumentException for a label outside 0..counts.length-1
     */
    public static void count(int[] labels, long[] counts) {
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < 0 || l >= counts.length) {
                throw new IllegalArgumentException("label " + l + " at index " + i + " is outside 0.." + (counts.length - 1));
            }
            counts[l]++;
        }
    }

    /**
     * As {@link #count}, but a label equal to {@code counts.length} is nnU-Net v2's ignore label (the highest
     * id, one past the classes): it is counted apart and returned.
     */
    public static long countIgnoring(int[] labels, long[] counts) {
        long ignored = 0;
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l == counts.length) {
                ignored++;
            } else if (l < 0 || l > counts.length) {
                throw new IllegalArgumentException("label " + l + " at index " + i + " is outside 0.." + (counts.length - 1)
                        + " (and is not the ignore label " + counts.length + ")");
            } else {
                counts[l]++;
            }
        }
        return ignored;
    }

    /** Each count over the total; all zeros when there is nothing. */
    public static double[] fractions(long[] counts) {
        long total = 0;
        for (long c : counts) total += c;
        double[] f = new double[counts.length];
        for (int i = 0; i < f.length; i++) f[i] = total == 0 ? 0 : counts[i] / (double) total;
        return f;
    }

    /** "background 79.2%, cortex 17.1%, ...": one percentage per class, with its name. */
    public static String format(double[] fractions, List<String> classNames) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fractions.length; i++) {
            if (i > 0) s.append(", ");
            String name = i < classNames.size() ? classNames.get(i) : "class " + i;
            s.append(name).append(' ').append(String.format(Locale.ROOT, "%.2f%%", 100 * fractions[i]));
        }
        return s.toString();
    }
}
