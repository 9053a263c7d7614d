package org.regionwise.benchpeer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.regionwise.experiments.bench.TrainingStep;
import org.regionwise.experiments.bench.UNetStepSpec;

/**
 * The U-Net of {@link UNetStepSpec} written with DJL's NDArray ops on PyTorch, functional style (the
 * parameters are a name -> array map), so every op is one libtorch call:
 * <ul>
 *   <li>3x3 conv with bias: {@code torch.nn.functional.conv2d} (DJL {@link Conv2d#conv2d});</li>
 *   <li>instance norm (affine): exactly what {@code torch.instance_norm} does, batch norm in training mode on
 *       the input viewed as {@code (1, N*C, H, W)} with the affine parameters repeated N times;</li>
 *   <li>LeakyReLU 0.01: {@code torch.nn.functional.leaky_relu};</li>
 *   <li>2x2 stride-2 transposed conv without bias: DJL's PyTorch engine does not implement deconvolution
 *       ({@code PtNDArrayEx.deconvolution} throws), so it is computed as what it is when stride = kernel (no
 *       overlap): one matmul over channels, {@code (Cout*4, Cin) x (N, Cin, H*W)}, then a pixel-shuffle
 *       permute; the FLOPs are those of the transposed conv;</li>
 *   <li>cross entropy as regionwise computes it: {@code -mean(sum_c onehot * log_softmax(logits))};</li>
 *   <li>Adam: DJL's {@link Adam}, libtorch's fused update, betas (0.9, 0.999), eps 1e-8.</li>
 * </ul>
 * Gradients are zeroed at the start of each step (DJL accumulates across gradient collectors).
 * Intermediates of a step live in an {@link NDScope} and are freed when it closes.
 * He-normal weights (negative slope 0.01), zero biases, unit norm scales, as nnU-Net's {@code InitWeights_He}.
 */
final class DjlUNetStep implements TrainingStep {
    private static final float SLOPE = 0.01f;
    private static final float EPS = 1e-5f;

    private final UNetStepSpec spec;
    private final Engine engine;
    private final NDManager manager;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final Optimizer adam;
    private final NDArray input;
    private final NDArray oneHot;

    DjlUNetStep(UNetStepSpec spec, Engine engine) {
        this.spec = spec;
        this.engine = engine;
        this.manager = engine.newBaseManager(Device.cpu());
        engine.setRandomSeed((int) spec.seed());
        int levels = spec.levels();
        for (int d = 0; d < levels; d++) {
            int in = d == 0 ? spec.inChannels() : spec.filters(d - 1);
            stageParams("encoder." + d, in, spec.filters(d));
        }
        for (int u = 0; u < levels - 1; u++) {
            int skip = spec.filters(levels - 2 - u);
            int below = spec.filters(levels - 1 - u);
            // transposed conv weight (Cin, Cout, 2, 2), fan-in as torch computes it: size(1) * 2 * 2
            param("decoder." + u + ".up.weight", he(new Shape(below, skip, 2, 2), skip * 4));
            stageParams("decoder." + u + ".convs", 2 * skip, skip);
        }
        param("head.weight", he(new Shape(spec.classes(), spec.filters(0), 1, 1), spec.filters(0)));
        for (NDArray p : params.values()) p.setRequiresGradient(true);
        this.adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) spec.learningRate())).build();

        Random random = new Random(spec.seed());
        int n = spec.batch();
        int hw = spec.size();
        float[] x = new float[n * spec.inChannels() * hw * hw];
        for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
        float[] y = new float[n * spec.classes() * hw * hw];
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < hw * hw; p++) {
                y[(b * spec.classes() + random.nextInt(spec.classes())) * hw * hw + p] = 1f;
            }
        }
        this.input = manager.create(x, new Shape(n, spec.inChannels(), hw, hw));
        this.oneHot = manager.create(y, new Shape(n, spec.classes(), hw, hw));
    }

    private void stageParams(String prefix, int in, int out) {
        param(prefix + ".conv1.weight", he(new Shape(out, in, 3, 3), in * 9));
        param(prefix + ".conv1.bias", manager.zeros(new Shape(out)));
        param(prefix + ".norm1.weight", manager.ones(new Shape(out)));
        param(prefix + ".norm1.bias", manager.zeros(new Shape(out)));
        param(prefix + ".conv2.weight", he(new Shape(out, out, 3, 3), out * 9));
        param(prefix + ".conv2.bias", manager.zeros(new Shape(out)));
        param(prefix + ".norm2.weight", manager.ones(new Shape(out)));
        param(prefix + ".norm2.bias", manager.zeros(new Shape(out)));
    }

    private void param(String name, NDArray value) {
        value.setName(name);
        params.put(name, value);
    }

    private NDArray he(Shape shape, int fanIn) {
        float std = (float) Math.sqrt(2.0 / ((1 + SLOPE * SLOPE) * fanIn));
        return manager.randomNormal(0f, std, shape, DataType.FLOAT32);
    }

    /** Parameters in the network (all trained). */
    long parameterCount() {
        long n = 0;
        for (NDArray p : params.values()) n += p.size();
        return n;
    }

    @Override
    public float run() {
        for (NDArray p : params.values()) {
            NDArray g = p.getGradient();
            g.subi(g);
            g.close();
        }
        float value;
        try (NDScope scope = new NDScope(); GradientCollector collector = engine.newGradientCollector()) {
            NDArray loss = loss(forward(input));
            value = loss.getFloat();
            collector.backward(loss);
        }
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = e.getValue().getGradient();
            adam.update(e.getKey(), e.getValue(), g);
            g.close();
        }
        return value;
    }

    /** Full-resolution logits (N, classes, H, W). */
    NDArray forward(NDArray x) {
        int levels = spec.levels();
        List<NDArray> skips = new ArrayList<>();
        NDArray h = x;
        for (int d = 0; d < levels; d++) {
            h = stage("encoder." + d, h, d == 0 ? 1 : 2);
            if (d < levels - 1) skips.add(h);
        }
        for (int u = 0; u < levels - 1; u++) {
            NDArray up = upsample(h, params.get("decoder." + u + ".up.weight"));
            h = stage("decoder." + u + ".convs", NDArrays.concat(new NDList(up, skips.get(levels - 2 - u)), 1), 1);
        }
        return Conv2d.conv2d(h, params.get("head.weight")).singletonOrThrow();
    }

    NDArray loss(NDArray logits) {
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }

    private NDArray stage(String prefix, NDArray x, int stride) {
        NDArray h = Conv2d.conv2d(x, params.get(prefix + ".conv1.weight"), params.get(prefix + ".conv1.bias"),
                new Shape(stride, stride), new Shape(1, 1)).singletonOrThrow();
        h = Activation.leakyRelu(instanceNorm(h, params.get(prefix + ".norm1.weight"), params.get(prefix + ".norm1.bias")), SLOPE);
        h = Conv2d.conv2d(h, params.get(prefix + ".conv2.weight"), params.get(prefix + ".conv2.bias"),
                new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
        return Activation.leakyRelu(instanceNorm(h, params.get(prefix + ".norm2.weight"), params.get(prefix + ".norm2.bias")), SLOPE);
    }

    /** torch.instance_norm's own route: batch norm (training) over (1, N*C, H, W), affine repeated N times. */
    static NDArray instanceNorm(NDArray x, NDArray gamma, NDArray beta) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        NDManager m = x.getManager();
        NDArray runningMean = m.zeros(new Shape(n * c));
        NDArray runningVar = m.ones(new Shape(n * c));
        NDArray flat = x.reshape(1, n * c, s.get(2), s.get(3));
        NDArray out = flat.getNDArrayInternal().batchNorm(flat, runningMean, runningVar, gamma.tile(n), beta.tile(n),
                -1, 0.9f, EPS, true).singletonOrThrow();
        return out.reshape(s);
    }

    /** 2x2 stride-2 transposed conv, weight (Cin, Cout, 2, 2), no bias: a channel matmul and a pixel shuffle. */
    static NDArray upsample(NDArray x, NDArray weight) {
        Shape s = x.getShape();
        long n = s.get(0);
        long cin = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        long cout = weight.getShape().get(1);
        NDArray wt = weight.reshape(cin, cout * 4).transpose();                  // (Cout*4, Cin)
        NDArray y = wt.matMul(x.reshape(n, cin, h * w));                         // (N, Cout*4, H*W)
        return y.reshape(n, cout, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, cout, 2 * h, 2 * w);
    }

    @Override
    public void close() {
        manager.close();
    }
}
