package org.regionwise.experiments.predict;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.autodiff.BufferArena;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;
import org.regionwise.experiments.data.Padding;
import org.regionwise.experiments.data.Slice;
import org.regionwise.layers.UNet2d;

/**
 * Segments 2D slices with a U-Net: each slice is padded at the bottom and right to the network's
 * divisibility ({@link Padding}), slices of one padded size go through the network together, the class
 * of each pixel is the argmax of the full-resolution logits, and the result is cut back to the slice.
 *
 * <p>The whole slice is predicted at once (the network is fully convolutional), not in sliding windows
 * as nnU-Net does for images larger than its patch: the slices here are small. The network runs in
 * evaluation mode, without deep-supervision outputs and without recording a tape; its previous modes are
 * restored afterwards, so validation in the middle of training changes nothing in the training.
 *
 * <p>Each forward pass runs in this predictor's {@link BufferArena}, so a predictor serves one thread at a
 * time (make one per thread to predict in parallel).
 */
public final class SlicePredictor {
    private final UNet2d model;
    private final int batchSize;
    /**
     * Recycles each forward pass's activations in the next: without it every op of every batch allocated
     * (and the JVM zeroed) fresh arrays, which took more than half of the prediction time.
     */
    private final BufferArena arena = new BufferArena();

    /**
     * @param model     the network
     * @param batchSize slices per forward pass (memory, not results, depends on it)
     */
    public SlicePredictor(UNet2d model, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        this.model = model;
        this.batchSize = batchSize;
    }

    /** The predicted labels of each slice, {@code height * width} class ids each, in the given order. */
    public List<int[]> predict(List<Slice> slices) {
        boolean training = model.isTraining();
        boolean deepSupervision = model.deepSupervision();
        model.eval();
        model.setDeepSupervision(false);
        try (var noGrad = GradMode.noGrad()) {
            List<int[]> out = new ArrayList<>(slices.size());
            int divisor = model.config().spatialDivisor();
            int i = 0;
            while (i < slices.size()) {
                Slice first = slices.get(i);
                int ph = Padding.roundUp(first.height(), divisor), pw = Padding.roundUp(first.width(), divisor);
                int j = i + 1;
                while (j < slices.size() && j - i < batchSize && slices.get(j).height() == first.height()
                        && slices.get(j).width() == first.width()) {
                    j++;
                }
                out.addAll(predictGroup(slices.subList(i, j), ph, pw));
                i = j;
            }
            return out;
        } finally {
            model.train(training);
            model.setDeepSupervision(deepSupervision);
        }
    }

    /** Slices of one size, padded to (ph, pw), in one forward pass. */
    private List<int[]> predictGroup(List<Slice> group, int ph, int pw) {
        int channels = model.config().inChannels();
        int n = group.size(), plane = ph * pw;
        float[] images = new float[n * channels * plane];
        for (int b = 0; b < n; b++) {
            Slice s = group.get(b);
            if (s.channels() != channels) {
                throw new IllegalArgumentException("slice " + s.volumeId() + "[" + s.sliceIndex() + "] has " + s.channels()
                        + " channels but the model takes " + channels);
            }
            Slice padded = Padding.padTo(s, ph, pw);
            System.arraycopy(padded.image(), 0, images, b * channels * plane, channels * plane);
        }
        float[] values;
        int classes;
        try (var pass = arena.open()) { // the logits' buffer is recycled at the end: copy them out inside
            Tensor logits = model.forward(Tensor.of(images, n, channels, ph, pw)).get(0);
            values = logits.toArray();
            classes = logits.dim(1);
        }
        List<int[]> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            int[] labels = argmax(values, b * classes * plane, classes, plane);
            Slice s = group.get(b);
            out.add(Padding.unpad(labels, ph, pw, s.height(), s.width()));
        }
        return out;
    }

    /** Per pixel, the class with the largest logit (the first on ties). */
    static int[] argmax(float[] logits, int offset, int classes, int pixels) {
        int[] labels = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            float best = logits[offset + p];
            int arg = 0;
            for (int c = 1; c < classes; c++) {
                float v = logits[offset + c * pixels + p];
                if (v > best) {
                    best = v;
                    arg = c;
                }
            }
            labels[p] = arg;
        }
        return labels;
    }
}
