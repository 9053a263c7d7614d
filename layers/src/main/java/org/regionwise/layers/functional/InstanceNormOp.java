package org.regionwise.layers.functional;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * Fused instance normalisation (PyTorch's {@code F.instance_norm} without running statistics): every
 * (sample, channel) plane of an NCHW tensor is normalised by its own mean and biased variance, then scaled
 * and shifted per channel. Backward recomputes the normalised input from x and the saved statistics
 * rather than keeping a second activation-sized array alive.
 */
public final class InstanceNormOp extends Function {
    private final int n;
    private final int c;
    private final int plane;
    private final float[] mean;
    private final float[] invStd;

    private InstanceNormOp(Tensor[] inputs, int n, int c, int plane, float[] mean, float[] invStd) {
        super(inputs);
        this.n = n;
        this.c = c;
        this.plane = plane;
        this.mean = mean;
        this.invStd = invStd;
    }

    /**
     * Normalises {@code x} (N, C, H, W); {@code weight} and {@code bias} are (C) or both null (no affine).
     */
    public static Tensor apply(Tensor x, Tensor weight, Tensor bias, double eps) {
        int[] s = x.shape();
        if (s.length != 4) throw new IllegalArgumentException("instanceNorm2d: input " + Shape.str(s) + " is not (N, C, H, W)");
        NormChecks.affine("instanceNorm2d", s, weight, bias);
        int n = s[0];
        int c = s[1];
        int plane = s[2] * s[3];
        float[] in = x.data();
        float[] out = Buffers.allocate(in.length);
        float[] mean = Buffers.allocate(n * c);
        float[] invStd = Buffers.allocate(n * c);
        float[] gamma = weight == null ? null : weight.data();
        float[] beta = bias == null ? null : bias.data();
        Groups.forEach(n * c, in.length, i -> {
            double[] m = NormKernels.moments(in, i * plane, 1, plane, plane);
            mean[i] = (float) m[0];
            invStd[i] = (float) (1.0 / Math.sqrt(m[1] + eps));
            int ch = i % c;
            NormKernels.normalize(in, out, i * plane, 1, plane, plane, mean[i], invStd[i],
                    gamma == null ? 1f : gamma[ch], beta == null ? 0f : beta[ch]);
        });
        Tensor[] inputs = weight == null ? new Tensor[] {x} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp(new InstanceNormOp(inputs, n, c, plane, mean, invStd), out, s);
    }

    @Override
    protected void backward(float[] g) {
        float[] in = input(0).data();
        float[] gx = gradOf(0);
        boolean affine = inputCount() == 3;
        float[] gamma = affine ? input(1).data() : null;
        float[] gGamma = affine ? gradOf(1) : null;
        float[] gBeta = affine ? gradOf(2) : null;
        // Planes run in parallel; gamma and beta sum over the samples of a channel, so the per-plane sums
        // are kept and reduced afterwards in a fixed order (deterministic regardless of threads).
        double[] sumG = new double[n * c];
        double[] sumGx = new double[n * c];
        Groups.forEach(n * c, in.length, i -> {
            double[] sums = NormKernels.backward(in, g, gx, i * plane, 1, plane, plane, mean[i], invStd[i],
                    gamma == null ? 1f : gamma[i % c], true);
            sumG[i] = sums[0];
            sumGx[i] = sums[1];
        });
        for (int ch = 0; ch < c; ch++) {
            double sg = 0;
            double sgx = 0;
            for (int s = 0; s < n; s++) {
                sg += sumG[s * c + ch];
                sgx += sumGx[s * c + ch];
            }
            if (gBeta != null) gBeta[ch] += (float) sg;
            if (gGamma != null) gGamma[ch] += (float) sgx;
        }
    }

    @Override
    public String name() {
        return "InstanceNorm2d";
    }
}
