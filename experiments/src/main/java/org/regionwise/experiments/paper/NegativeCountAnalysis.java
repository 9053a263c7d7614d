package org.regionwise.experiments.paper;

import java.util.List;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.Slice;
import org.regionwise.layers.UNet2d;
import org.regionwise.losses.Loss;
import org.regionwise.losses.LossRegistry;
import org.regionwise.losses.MapSource;
import org.regionwise.losses.RwLoss;
import org.regionwise.losses.Target;

/**
 * One model's Fig. 3 measurement: over every pixel of the validation slices, how many components of the
 * RW gradient are negative ({@link NegativeComponents}), with the map of the loss the model was trained with,
 * computed from each slice's labels with the spacing the training maps used. Also keeps the per-pixel counts
 * of one slice, for the picture.
 */
final class NegativeCountAnalysis {
    private NegativeCountAnalysis() {}

    /**
     * What one model gave.
     *
     * @param histogram pixels with 0, 1, ..., C - 1 negative components, over all slices
     * @param shown     the per-pixel counts of the shown slice (row-major)
     */
    record Counts(long[] histogram, int[] shown) {
        long pixels() {
            long n = 0;
            for (long h : histogram) n += h;
            return n;
        }

        /** The share of pixels with two or more negative components. */
        double twoOrMore() {
            long n = 0;
            for (int k = 2; k < histogram.length; k++) n += histogram[k];
            return pixels() == 0 ? 0 : (double) n / pixels();
        }

        double share(int negatives) {
            return negatives >= histogram.length || pixels() == 0 ? 0 : (double) histogram[negatives] / pixels();
        }
    }

    /**
     * The RW map a loss is trained with.
     *
     * @throws IllegalArgumentException when the loss is not an RW loss of the softmax (the analysis is about
     *                                  the RW gradient's closed form)
     */
    static MapSource mapOf(String lossName) {
        Loss loss = LossRegistry.create(lossName);
        if (loss instanceof RwLoss rw && !rw.squaredSoftmax()) return rw.source();
        throw new IllegalArgumentException("fig3 analyses RW losses of the softmax (e.g. rw-boundary, rrw); '" + OneLine.visible(lossName)
                + "' is not one");
    }

    /**
     * Counts over {@code slices} for {@code model}.
     *
     * @param spacing (row, column) spacing of the maps, as in training
     * @param shown   index into {@code slices} of the slice whose per-pixel counts are kept
     */
    static Counts run(UNet2d model, List<Slice> slices, MapSource map, double[] spacing, int shown) {
        int classes = model.config().classes();
        SliceLogits logits = new SliceLogits(model);
        long[] histogram = new long[classes];
        int[] shownCounts = null;
        for (int start = 0; start < slices.size(); start += SliceLogits.BATCH) {
            List<Slice> chunk = slices.subList(start, Math.min(slices.size(), start + SliceLogits.BATCH));
            List<float[]> chunkLogits = logits.of(chunk);
            for (int c = 0; c < chunk.size(); c++) {
                int i = start + c;
                Slice s = chunk.get(c);
                float[] z = Target.builder(s.label(), 1, s.height(), s.width(), classes).spacing(spacing[0], spacing[1]).build().map(map);
                int[] counts = NegativeComponents.perPixel(chunkLogits.get(c), z, classes);
                long[] h = NegativeComponents.histogram(counts, classes);
                for (int k = 0; k < classes; k++) histogram[k] += h[k];
                if (i == shown) shownCounts = counts;
            }
        }
        return new Counts(histogram, shownCounts);
    }

    /**
     * The slice to draw: among those with the most classes present, the one with the most foreground pixels
     * (the first on ties), so the picture shows every boundary the map has.
     */
    static int pickShown(List<Slice> slices) {
        int best = -1, bestClasses = -1, bestForeground = -1;
        for (int i = 0; i < slices.size(); i++) {
            int[] label = slices.get(i).label();
            java.util.BitSet present = new java.util.BitSet();
            int foreground = 0;
            for (int l : label) {
                present.set(l);
                if (l != 0) foreground++;
            }
            int c = present.cardinality();
            if (c > bestClasses || (c == bestClasses && foreground > bestForeground)) {
                best = i;
                bestClasses = c;
                bestForeground = foreground;
            }
        }
        if (best < 0) throw new IllegalArgumentException("fig3: the validation split has no slices");
        return best;
    }
}
