package org.regionwise.experiments.predict;

import org.regionwise.autodiff.BufferArena;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;
import org.regionwise.layers.UNet2d;

/**
 * A {@link UNet2d} as a {@link TileNetwork}: each call runs one forward pass in evaluation mode, without
 * deep-supervision outputs and without recording a tape, in a {@link BufferArena} (the activations of one
 * pass are recycled by the next; one instance serves one thread). The network's modes are restored after
 * each call, so predicting in the middle of training changes nothing in the training.
 */
public final class UNetTiles implements TileNetwork {
    private final UNet2d model;
    private final BufferArena arena = new BufferArena();

    public UNetTiles(UNet2d model) {
        this.model = model;
    }

    @Override
    public int inChannels() {
        return model.config().inChannels();
    }

    @Override
    public int classes() {
        return model.config().classes();
    }

    /** The network's divisibility: tiles must be multiples of it. */
    public int spatialDivisor() {
        return model.config().spatialDivisor();
    }

    @Override
    public float[] logits(float[] images, int n, int h, int w) {
        boolean training = model.isTraining();
        boolean deepSupervision = model.deepSupervision();
        model.eval();
        model.setDeepSupervision(false);
        try (var noGrad = GradMode.noGrad(); var pass = arena.open()) {
            return model.forward(Tensor.of(images, n, inChannels(), h, w)).get(0).toArray(); // toArray copies out of the arena
        } finally {
            model.train(training);
            model.setDeepSupervision(deepSupervision);
        }
    }
}
