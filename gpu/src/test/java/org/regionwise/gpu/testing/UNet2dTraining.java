package org.regionwise.gpu.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.optim.Adam;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2d;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.losses.LossRegistry;
import org.regionwise.losses.Target;

/**
 * layers' {@link UNet2d} trained through autodiff on one backend, the way the training loop and the bench
 * run it: per step zero-grad, forward, fused softmax cross-entropy against a one-hot target, backward, Adam.
 * Every op on that path (conv with bias, instance norm, leaky ReLU, stride-2 conv, transposed conv, concat,
 * the loss, Adam, zero-grad) goes through the backend's storage-level kernels, so on the GPU backend this is
 * the resident autodiff path. Each step draws a fresh batch (image and labels) from a seeded generator, as a
 * data loader would hand over new host data. With a loss name ({@link LossRegistry}), that loss replaces the
 * cross entropy: the labels become a losses {@link Target}, whose maps are computed on the host.
 */
public final class UNet2dTraining {
    /** Small enough for the plain-Java device, deep enough for two down- and up-sampling levels. */
    public static final UNet2dConfig CONFIG = new UNet2dConfig(1, 3, 3, 4, 16, NormType.INSTANCE, false);
    public static final int BATCH = 2, HEIGHT = 16, WIDTH = 12;
    public static final double LEARNING_RATE = 1e-3;

    /** What a parity test compares after one step. */
    public record StepResult(float loss, float[] gradients, float[] updatedParameters) {}

    private final Backend backend;
    private final UNet2d model;
    private final Adam optimizer;
    private final Random data;
    private final String lossName;

    public UNet2dTraining(Backend backend, long seed) {
        this(backend, seed, null);
    }

    /** Trained with LossRegistry's {@code lossName} (null: the fused cross entropy against one-hot labels). */
    public UNet2dTraining(Backend backend, long seed, String lossName) {
        this.backend = backend;
        this.lossName = lossName;
        Random init = new Random(seed);
        this.model = on(backend, () -> new UNet2d(CONFIG, init));
        model.train();
        this.optimizer = new Adam(model.parameters(), LEARNING_RATE);
        this.data = new Random(seed + 1);
    }

    /** One step on the next batch; returns the loss (read back, as a training loop logs it). */
    public float step() {
        return on(backend, () -> {
            optimizer.zeroGrad();
            Tensor loss = forwardLoss();
            float value = loss.item();
            loss.backward();
            optimizer.step();
            return value;
        });
    }

    /** One step from a fresh model: the loss, the gradients before Adam, the parameters after it. */
    public static StepResult oneStep(Backend backend, long seed) {
        UNet2dTraining t = new UNet2dTraining(backend, seed);
        return on(backend, () -> {
            Tensor loss = t.forwardLoss();
            float value = loss.item();
            loss.backward();
            float[] gradients = flatten(t.model.parameters(), true);
            t.optimizer.step();
            return new StepResult(value, gradients, flatten(t.model.parameters(), false));
        });
    }

    private Tensor forwardLoss() {
        int classes = CONFIG.classes();
        Tensor x = Tensor.randn(data, BATCH, CONFIG.inChannels(), HEIGHT, WIDTH);
        int plane = HEIGHT * WIDTH;
        if (lossName != null) {
            int[] labels = new int[BATCH * plane];
            for (int i = 0; i < labels.length; i++) labels[i] = data.nextInt(classes);
            Target target = Target.of(labels, BATCH, HEIGHT, WIDTH, classes);
            return LossRegistry.create(lossName).forward(model.forward(x).get(0), target);
        }
        float[] onehot = new float[BATCH * classes * plane];
        for (int b = 0; b < BATCH; b++) {
            for (int p = 0; p < plane; p++) onehot[(b * classes + data.nextInt(classes)) * plane + p] = 1f;
        }
        Tensor target = Tensor.of(onehot, BATCH, classes, HEIGHT, WIDTH);
        List<Tensor> logits = model.forward(x);
        return Functional.softmaxCrossEntropy(logits.get(0), target);
    }

    /** Input image plus target (one-hot, or a Region-wise map: both B x C x H x W): the floats a step must upload. */
    public static int batchFloats() {
        return BATCH * (CONFIG.inChannels() + CONFIG.classes()) * HEIGHT * WIDTH;
    }

    /** Values or gradients of all parameters, concatenated (read through host(), which marks nothing stale). */
    private static float[] flatten(List<Tensor> parameters, boolean gradients) {
        int total = 0;
        for (Tensor t : parameters) total += t.numel();
        float[] out = new float[total];
        int pos = 0;
        for (Tensor t : parameters) {
            float[] src = gradients ? t.gradStorage().host() : t.storage().host();
            System.arraycopy(src, 0, out, pos, src.length);
            pos += src.length;
        }
        return out;
    }

    /** Runs {@code body} with {@code backend} as autodiff's default (new tensors are created there). */
    private static <T> T on(Backend backend, Supplier<T> body) {
        Backend previous = Backends.getDefault();
        Backends.setDefault(backend);
        try {
            return body.get();
        } finally {
            Backends.setDefault(previous);
        }
    }
}
