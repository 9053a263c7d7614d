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
import org.regionwise.losses.DeepSupervisionLoss;
import org.regionwise.losses.Loss;
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

    /**
     * With deep supervision: one level more than {@link #CONFIG} on square images, so the U-Net has three outputs
     * and {@link DeepSupervisionLoss} evaluates two of them (full and half resolution, weights 2/3 and 1/3).
     */
    public static final UNet2dConfig DEEP_CONFIG = new UNet2dConfig(1, 3, 4, 4, 16, NormType.INSTANCE, true);
    public static final int DEEP_SIZE = 16;

    private final Backend backend;
    private final UNet2dConfig config;
    private final int height;
    private final int width;
    private final UNet2d model;
    private final Adam optimizer;
    private final Random data;
    private final String lossName;
    private final Loss loss;
    private Target target;

    public UNet2dTraining(Backend backend, long seed) {
        this(backend, seed, null);
    }

    /** Trained with LossRegistry's {@code lossName} (null: the fused cross entropy against one-hot labels). */
    public UNet2dTraining(Backend backend, long seed, String lossName) {
        this(backend, seed, lossName, CONFIG, HEIGHT, WIDTH);
    }

    /**
     * A U-Net of {@code config} (its norm; with deep supervision, the loss wrapped in {@link DeepSupervisionLoss})
     * on batches of {@code height x width}.
     */
    public UNet2dTraining(Backend backend, long seed, String lossName, UNet2dConfig config, int height, int width) {
        this.backend = backend;
        this.lossName = lossName;
        this.config = config;
        this.height = height;
        this.width = width;
        Random init = new Random(seed);
        this.model = on(backend, () -> new UNet2d(config, init));
        model.train();
        this.optimizer = new Adam(model.parameters(), LEARNING_RATE);
        this.data = new Random(seed + 1);
        this.loss = lossName == null ? null : LossRegistry.create(lossName);
    }

    /** The U-Net config with batch norm instead of instance norm (as {@code --norm batch}). */
    public static UNet2dConfig withBatchNorm(UNet2dConfig c) {
        return new UNet2dConfig(c.inChannels(), c.classes(), c.levels(), c.baseFilters(), c.maxFilters(), NormType.BATCH,
                c.deepSupervision());
    }

    /** One step on the next batch; returns the loss (read back, as a training loop logs it). */
    public float step() {
        return step(false);
    }

    /**
     * One step on a new image; with {@code sameTarget}, against the previous step's {@link Target} (as an epoch
     * that revisits a slice with a target cache, or several steps per batch), whose tensors are already on the
     * device. Needs a loss name.
     */
    public float step(boolean sameTarget) {
        if (sameTarget && (lossName == null || target == null)) throw new IllegalStateException("no target to reuse");
        return on(backend, () -> {
            optimizer.zeroGrad();
            Tensor loss = forwardLoss(sameTarget);
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
            Tensor loss = t.forwardLoss(false);
            float value = loss.item();
            loss.backward();
            float[] gradients = flatten(t.model.parameters(), true);
            t.optimizer.step();
            return new StepResult(value, gradients, flatten(t.model.parameters(), false));
        });
    }

    private Tensor forwardLoss(boolean sameTarget) {
        int classes = config.classes();
        Tensor x = Tensor.randn(data, BATCH, config.inChannels(), height, width);
        int plane = height * width;
        if (lossName != null) {
            if (!sameTarget) {
                int[] labels = new int[BATCH * plane];
                for (int i = 0; i < labels.length; i++) labels[i] = data.nextInt(classes);
                target = Target.of(labels, BATCH, height, width, classes);
            }
            List<Tensor> outputs = model.forward(x);
            return config.deepSupervision() ? new DeepSupervisionLoss(loss).forward(outputs, target)
                    : loss.forward(outputs.get(0), target);
        }
        float[] onehot = new float[BATCH * classes * plane];
        for (int b = 0; b < BATCH; b++) {
            for (int p = 0; p < plane; p++) onehot[(b * classes + data.nextInt(classes)) * plane + p] = 1f;
        }
        Tensor target = Tensor.of(onehot, BATCH, classes, height, width);
        List<Tensor> logits = model.forward(x);
        return Functional.softmaxCrossEntropy(logits.get(0), target);
    }

    /** Input image plus target (one-hot, or a Region-wise map: both B x C x H x W): the floats a step must upload. */
    public static int batchFloats() {
        return BATCH * (CONFIG.inChannels() + CONFIG.classes()) * HEIGHT * WIDTH;
    }

    /** The floats of one input image batch of this training. */
    public int imageFloats() {
        return BATCH * config.inChannels() * height * width;
    }

    /** The floats of one (B, C, h, w) target tensor at output size h x w. */
    public int targetFloats(int h, int w) {
        return BATCH * config.classes() * h * w;
    }

    public UNet2dConfig config() {
        return config;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
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
