package org.regionwise.experiments.paper;

import org.regionwise.autodiff.BufferArena;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;
import org.regionwise.experiments.data.Padding;
import org.regionwise.experiments.data.Slice;
import org.regionwise.layers.UNet2d;

/**
 * The full-resolution logits of one slice, {@code (C, H, W)}: padded at the bottom and right to the network's
 * divisibility and cut back, as {@link org.regionwise.experiments.train.SlicePredictor} does for labels (which
 * keeps only the argmax; the gradient analyses need the softmax itself). The network runs in evaluation mode
 * without deep supervision and without a tape; its modes are restored afterwards.
 */
final class SliceLogits {
    private final UNet2d model;
    private final BufferArena arena = new BufferArena();

    SliceLogits(UNet2d model) {
        this.model = model;
    }

    float[] of(Slice slice) {
        int channels = model.config().inChannels();
        if (slice.channels() != channels) {
            throw new IllegalArgumentException("slice " + slice.volumeId() + "[" + slice.sliceIndex() + "] has " + slice.channels()
                    + " channels but the model takes " + channels);
        }
        boolean training = model.isTraining();
        boolean deepSupervision = model.deepSupervision();
        model.eval();
        model.setDeepSupervision(false);
        int divisor = model.config().spatialDivisor();
        int ph = Padding.roundUp(slice.height(), divisor), pw = Padding.roundUp(slice.width(), divisor);
        Slice padded = Padding.padTo(slice, ph, pw);
        try (var noGrad = GradMode.noGrad(); var pass = arena.open()) {
            Tensor logits = model.forward(Tensor.of(padded.image().clone(), 1, channels, ph, pw)).get(0);
            int classes = logits.dim(1);
            return Padding.unpad(logits.toArray(), classes, ph, pw, slice.height(), slice.width());
        } finally {
            model.train(training);
            model.setDeepSupervision(deepSupervision);
        }
    }
}
