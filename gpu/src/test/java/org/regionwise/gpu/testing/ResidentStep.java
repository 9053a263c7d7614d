package org.regionwise.gpu.testing;

import java.util.List;
import java.util.Random;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.optim.Adam;
import org.regionwise.gpu.DeviceOps;
import org.regionwise.gpu.GpuBackend;
import org.regionwise.gpu.GpuStorage;
import org.regionwise.gpu.InstanceNormOps;

/**
 * A training step written directly on {@link DeviceOps}, so everything stays on the device:
 * conv3x3 (no bias) - instance norm - leaky ReLU - conv1x1 + bias - softmax cross-entropy, backward by hand,
 * Adam on every parameter. Only the loss is read back. {@link #autodiffStep} is the same step through
 * autodiff on the CPU, the oracle.
 */
public final class ResidentStep {
    private static final float SLOPE = 0.01f;
    private static final float EPS = 1e-5f;
    private static final double LR = 1e-2;

    private final GpuBackend backend;
    private final DeviceOps ops;
    private final int n, in, width, classes, h, w;
    private final ConvGeometry conv1;
    private final ConvGeometry head;
    private final GpuStorage x, labels;
    private final GpuStorage w1, gamma, beta, w2, b2;
    private final GpuStorage g1, ggamma, gbeta, gw2, gb2;
    private final GpuStorage[] m, v;
    private int step;

    /** Initial values, shared with the autodiff twin. */
    public record Init(float[] x, float[] labels, float[] w1, float[] w2) {
        public static Init random(long seed, int n, int in, int width, int classes, int h, int w) {
            Random r = new Random(seed);
            float[] x = gaussian(r, n * in * h * w, 1f);
            float[] labels = new float[n * h * w];
            for (int i = 0; i < labels.length; i++) labels[i] = r.nextInt(classes);
            return new Init(x, labels, gaussian(r, width * in * 9, (float) Math.sqrt(2.0 / (in * 9))),
                    gaussian(r, classes * width, (float) Math.sqrt(2.0 / width)));
        }

        private static float[] gaussian(Random r, int count, float scale) {
            float[] out = new float[count];
            for (int i = 0; i < count; i++) out[i] = (float) r.nextGaussian() * scale;
            return out;
        }
    }

    public ResidentStep(GpuBackend backend, Init init, int n, int in, int width, int classes, int h, int w) {
        this.backend = backend;
        this.ops = backend.ops();
        this.n = n;
        this.in = in;
        this.width = width;
        this.classes = classes;
        this.h = h;
        this.w = w;
        conv1 = ConvGeometry.of(n, in, h, w, width, 3, 3, 1, 1, 1);
        head = ConvGeometry.of(n, width, h, w, classes, 1, 1, 1, 0, 1);
        x = ops.upload(init.x());
        labels = ops.upload(init.labels());
        w1 = ops.upload(init.w1());
        gamma = ops.zeros(width);
        ops.elementwise().fill(gamma, 1f);
        beta = ops.zeros(width);
        w2 = ops.upload(init.w2());
        b2 = ops.zeros(classes);
        g1 = ops.zeros(w1.size());
        ggamma = ops.zeros(width);
        gbeta = ops.zeros(width);
        gw2 = ops.zeros(w2.size());
        gb2 = ops.zeros(classes);
        GpuStorage[] params = parameters();
        m = new GpuStorage[params.length];
        v = new GpuStorage[params.length];
        for (int i = 0; i < params.length; i++) {
            m[i] = ops.zeros(params[i].size());
            v[i] = ops.zeros(params[i].size());
        }
    }

    public GpuStorage[] parameters() {
        return new GpuStorage[] {w1, gamma, beta, w2, b2};
    }

    public GpuStorage[] gradients() {
        return new GpuStorage[] {g1, ggamma, gbeta, gw2, gb2};
    }

    /** One step; returns the loss (the only value read back). */
    public float step() {
        int plane = h * w;
        for (GpuStorage g : gradients()) ops.elementwise().fill(g, 0f);
        GpuStorage z = backend.allocateUninitialised(conv1.outputSize());
        ops.conv().conv2dForward(conv1, x, w1, null, z);
        GpuStorage a = backend.allocateUninitialised(z.size());
        InstanceNormOps.NormStats stats = ops.instanceNorm().instanceNorm(z, gamma, beta, a, n, width, plane, EPS);
        GpuStorage act = backend.allocateUninitialised(a.size());
        ops.elementwise().leakyRelu(SLOPE, a, act);
        GpuStorage logits = backend.allocateUninitialised(head.outputSize());
        ops.conv().conv2dForward(head, act, w2, b2, logits);
        GpuStorage probs = backend.allocateUninitialised(logits.size());
        ops.crossEntropy().softmaxChannels(logits, probs, n, classes, plane);
        GpuStorage dlogits = backend.allocateUninitialised(logits.size());
        GpuStorage loss = ops.crossEntropy().softmaxCrossEntropy(probs, labels, n, classes, plane, dlogits);

        ops.conv().conv2dBackwardWeight(head, act, dlogits, gw2, gb2);
        GpuStorage dact = ops.zeros(act.size());
        ops.conv().conv2dBackwardData(head, dlogits, w2, dact);
        GpuStorage da = ops.zeros(a.size());
        ops.elementwise().leakyReluBackward(SLOPE, a, dact, da);
        GpuStorage dz = ops.zeros(z.size());
        ops.instanceNorm().instanceNormBackward(z, da, stats, gamma, dz, ggamma, gbeta, n, width, plane);
        ops.conv().conv2dBackwardWeight(conv1, x, dz, g1, null);

        step++;
        GpuStorage[] params = parameters();
        GpuStorage[] grads = gradients();
        for (int i = 0; i < params.length; i++) ops.adam().adam(params[i], grads[i], m[i], v[i], step, LR, 0.9, 0.999, 1e-8, 0);
        return loss.host()[0];
    }

    /** The same step through autodiff on the current default backend: loss, then parameters after Adam. */
    public static float autodiffStep(Init init, int n, int in, int width, int classes, int h, int w, List<float[]> parametersOut) {
        Tensor x = Tensor.of(init.x().clone(), n, in, h, w);
        Tensor w1 = Tensor.of(init.w1().clone(), width, in, 3, 3).requiresGrad(true);
        Tensor gamma = Tensor.ones(1, width, 1, 1).requiresGrad(true);
        Tensor beta = Tensor.zeros(1, width, 1, 1).requiresGrad(true);
        Tensor w2 = Tensor.of(init.w2().clone(), classes, width, 1, 1).requiresGrad(true);
        Tensor b2 = Tensor.zeros(classes).requiresGrad(true);
        float[] onehot = new float[n * classes * h * w];
        for (int i = 0; i < n * h * w; i++) onehot[(i / (h * w) * classes + (int) init.labels()[i]) * h * w + i % (h * w)] = 1f;

        Tensor z = Functional.conv2d(x, w1, null, 1, 1, 1);
        int[] axes = {2, 3};
        Tensor centred = z.sub(z.mean(axes, true));
        Tensor var = centred.mul(centred).mean(axes, true);
        Tensor act = centred.div(var.add(EPS).sqrt()).mul(gamma).add(beta).leakyRelu(SLOPE);
        Tensor logits = Functional.conv2d(act, w2, b2, 1, 0, 1);
        Tensor loss = logits.logSoftmax(1).mul(Tensor.of(onehot, n, classes, h, w)).sum().neg().div(n * h * w);
        loss.backward();
        List<Tensor> params = List.of(w1, gamma, beta, w2, b2);
        new Adam(params, LR, 0.9, 0.999, 1e-8, 0).step();
        for (Tensor p : params) parametersOut.add(p.toArray());
        return loss.item();
    }
}
