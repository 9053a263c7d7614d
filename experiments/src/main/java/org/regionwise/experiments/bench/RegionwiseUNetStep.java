package org.regionwise.experiments.bench;

import java.util.List;
import java.util.Random;
import org.regionwise.autodiff.BufferArena;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.optim.Adam;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2d;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.losses.CrossEntropyLoss;
import org.regionwise.losses.Loss;
import org.regionwise.losses.Target;

/**
 * The regionwise side of the benchmark: {@link UNet2d} with {@link UNet2dConfig#nnUNet} stages, instance
 * norm, deep supervision off (one full-resolution head, as the peer), {@link CrossEntropyLoss}, {@link Adam},
 * on whatever backend is the default when it is built. The batch (standard-normal image, uniform labels)
 * is made once; each {@link #run()} is zero-grad, forward, loss, backward, Adam, inside a
 * {@link BufferArena} scope as a training loop runs it, so steady-state steps reuse the previous step's
 * activation and gradient buffers.
 */
public final class RegionwiseUNetStep implements TrainingStep {
    private final UNet2d model;
    private final Adam optimizer;
    private final Loss loss = new CrossEntropyLoss();
    private final Tensor input;
    private final Target target;
    private final BufferArena arena = new BufferArena();

    public RegionwiseUNetStep(UNetStepSpec spec) {
        UNet2dConfig config = new UNet2dConfig(spec.inChannels(), spec.classes(), spec.levels(), spec.baseFilters(),
                spec.maxFilters(), NormType.INSTANCE, false);
        Random random = new Random(spec.seed());
        this.model = new UNet2d(config, random);
        model.train();
        this.optimizer = new Adam(model.parameters(), spec.learningRate());
        int n = spec.batch();
        int hw = spec.size();
        this.input = Tensor.randn(random, n, spec.inChannels(), hw, hw);
        int[] labels = new int[n * hw * hw];
        for (int i = 0; i < labels.length; i++) labels[i] = random.nextInt(spec.classes());
        this.target = Target.of(labels, n, hw, hw, spec.classes());
    }

    @Override
    public float run() {
        try (GradMode.Scope step = arena.open()) {
            optimizer.zeroGrad();
            List<Tensor> logits = model.forward(input);
            Tensor value = loss.forward(logits.get(0), target);
            float result = value.item();
            value.backward();
            optimizer.step();
            return result;
        }
    }

    /** Parameters of the network, the heads of the coarser levels included (they get no gradient). */
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public void close() {
        // Heap memory only: nothing to free.
    }
}
