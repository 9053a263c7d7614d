package org.regionwise.experiments.paper;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.autodiff.BufferArena;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;
import org.regionwise.experiments.data.Padding;
import org.regionwise.experiments.data.Slice;
import org.regionwise.layers.UNet2d;

/**
 * The full-resolution logits of slices, {@code (C, H, W)} each: padded at the bottom and right to the network's
 * divisibility, run through the network {@value #BATCH} slices of one size at a time, and cut back, as
 * {@link org.regionwise.experiments.predict.SlicePredictor} does for labels (which keeps only the argmax; the
 * gradient analyses need the softmax itself). The network runs in evaluation mode without deep supervision
 * and without a tape; its modes are restored afterwards. Instance norm makes each slice's logits independent
 * of the others in its batch.
 */
final class SliceLogits {
    /** Slices per forward pass: one at a time leaves the kernels' threads idle on small slices. */
    static final int BATCH = 8;

    private final UNet2d model;
    private final BufferArena arena = new BufferArena();

    SliceLogits(UNet2d model) {
        this.model = model;
    }

    /** The logits of each slice, in order. */
    List<float[]> of(List<Slice> slices) {
        boolean training = model.isTraining();
        boolean deepSupervision = model.deepSupervision();
        model.eval();
        model.setDeepSupervision(false);
        try (var noGrad = GradMode.noGrad()) {
            List<float[]> out = new ArrayList<>(slices.size());
            int i = 0;
            while (i < slices.size()) {
                Slice first = slices.get(i);
                int j = i + 1;
                while (j < slices.size() && j - i < BATCH && slices.get(j).height() == first.height()
                        && slices.get(j).width() == first.width()) {
                    j++;
                }
                out.addAll(group(slices.subList(i, j)));
                i = j;
            }
            return out;
        } finally {
            model.train(training);
            model.setDeepSupervision(deepSupervision);
        }
    }

    /** Slices of one size in one forward pass. */
    private List<float[]> group(List<Slice> group) {
        int channels = model.config().inChannels();
        int divisor = model.config().spatialDivisor();
        Slice first = group.get(0);
        int ph = Padding.roundUp(first.height(), divisor), pw = Padding.roundUp(first.width(), divisor), plane = ph * pw;
        float[] images = new float[group.size() * channels * plane];
        for (int b = 0; b < group.size(); b++) {
            Slice s = group.get(b);
            if (s.channels() != channels) {
                throw new IllegalArgumentException("slice " + s.volumeId() + "[" + s.sliceIndex() + "] has " + s.channels()
                        + " channels but the model takes " + channels);
            }
            System.arraycopy(Padding.padTo(s, ph, pw).image(), 0, images, b * channels * plane, channels * plane);
        }
        List<float[]> out = new ArrayList<>(group.size());
        try (var pass = arena.open()) { // the logits' buffer is recycled at the end: copy them out inside
            Tensor logits = model.forward(Tensor.of(images, group.size(), channels, ph, pw)).get(0);
            float[] values = logits.toArray();
            int classes = logits.dim(1);
            for (int b = 0; b < group.size(); b++) {
                float[] one = new float[classes * plane];
                System.arraycopy(values, b * classes * plane, one, 0, one.length);
                out.add(Padding.unpad(one, classes, ph, pw, first.height(), first.width()));
            }
        }
        return out;
    }
}
