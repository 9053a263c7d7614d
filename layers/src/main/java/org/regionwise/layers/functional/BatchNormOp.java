package org.regionwise.layers.functional;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Groups;
import org.regionwise.autodiff.backend.NormKernels;

/**
 * Fused batch normalisation over NCHW (PyTorch's {@code F.batch_norm}): one mean and variance per channel,
 * over the batch and both spatial axes. In training the statistics come from the batch (biased variance
 * normalises; the caller updates its running statistics from {@link Result#batchMean()} and
 * {@link Result#batchVar()}), and backward flows through them; in evaluation the given running statistics
 * are constants and the op is a per-channel affine map.
 */
public final class BatchNormOp extends Function {
    private final int n;
    private final int c;
    private final int plane;
    private final float[] mean;
    private final float[] invStd;
    private final boolean statisticsFromInput;

    /** The output and, in training, the batch statistics (biased variance); null statistics in evaluation. */
    public record Result(Tensor output, float[] batchMean, float[] batchVar) {}

    private BatchNormOp(Tensor[] inputs, int n, int c, int plane, float[] mean, float[] invStd, boolean fromInput) {
        super(inputs);
        this.n = n;
        this.c = c;
        this.plane = plane;
        this.mean = mean;
        this.invStd = invStd;
        this.statisticsFromInput = fromInput;
    }

    /** Training mode: normalises with the statistics of {@code x} (N, C, H, W). */
    public static Result training(Tensor x, Tensor weight, Tensor bias, double eps) {
        int[] s = check(x, weight, bias);
        int c = s[1];
        int plane = s[2] * s[3];
        if ((long) s[0] * plane <= 1) {
            throw new IllegalArgumentException("batchNorm2d: expected more than 1 value per channel when training, got input "
                    + Shape.str(s));
        }
        float[] in = x.data();
        float[] mean = new float[c];
        float[] var = new float[c];
        float[] invStd = new float[c];
        Groups.forEach(c, in.length, ch -> {
            double[] m = NormKernels.moments(in, ch * plane, s[0], c * plane, plane);
            mean[ch] = (float) m[0];
            var[ch] = (float) m[1];
            invStd[ch] = (float) (1.0 / Math.sqrt(m[1] + eps));
        });
        Tensor out = forward(x, weight, bias, s, mean, invStd, true);
        return new Result(out, mean, var);
    }

    /** Evaluation mode: normalises with fixed running statistics (each of length C). */
    public static Tensor evaluation(Tensor x, float[] runningMean, float[] runningVar, Tensor weight, Tensor bias, double eps) {
        int[] s = check(x, weight, bias);
        int c = s[1];
        if (runningMean.length != c || runningVar.length != c) {
            throw new IllegalArgumentException("batchNorm2d: running statistics of length " + runningMean.length + "/"
                    + runningVar.length + " for input " + Shape.str(s));
        }
        float[] invStd = new float[c];
        for (int ch = 0; ch < c; ch++) invStd[ch] = (float) (1.0 / Math.sqrt(runningVar[ch] + eps));
        return forward(x, weight, bias, s, runningMean.clone(), invStd, false);
    }

    private static int[] check(Tensor x, Tensor weight, Tensor bias) {
        int[] s = x.shape();
        if (s.length != 4) throw new IllegalArgumentException("batchNorm2d: input " + Shape.str(s) + " is not (N, C, H, W)");
        NormChecks.affine("batchNorm2d", s, weight, bias);
        return s;
    }

    private static Tensor forward(Tensor x, Tensor weight, Tensor bias, int[] s, float[] mean, float[] invStd, boolean fromInput) {
        int n = s[0];
        int c = s[1];
        int plane = s[2] * s[3];
        float[] in = x.data();
        float[] out = Buffers.allocate(in.length);
        float[] gamma = weight == null ? null : weight.data();
        float[] beta = bias == null ? null : bias.data();
        Groups.forEach(c, in.length, ch -> NormKernels.normalize(in, out, ch * plane, n, c * plane, plane,
                mean[ch], invStd[ch], gamma == null ? 1f : gamma[ch], beta == null ? 0f : beta[ch]));
        Tensor[] inputs = weight == null ? new Tensor[] {x} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp(new BatchNormOp(inputs, n, c, plane, mean, invStd, fromInput), out, s);
    }

    @Override
    protected void backward(float[] g) {
        float[] in = input(0).data();
        float[] gx = gradOf(0);
        boolean affine = inputCount() == 3;
        float[] gamma = affine ? input(1).data() : null;
        float[] gGamma = affine ? gradOf(1) : null;
        float[] gBeta = affine ? gradOf(2) : null;
        Groups.forEach(c, in.length, ch -> {
            double[] sums = NormKernels.backward(in, g, gx, ch * plane, n, c * plane, plane, mean[ch], invStd[ch],
                    gamma == null ? 1f : gamma[ch], statisticsFromInput);
            if (gBeta != null) gBeta[ch] += (float) sums[0];
            if (gGamma != null) gGamma[ch] += (float) sums[1];
        });
    }

    @Override
    public String name() {
        return statisticsFromInput ? "BatchNorm2d(train)" : "BatchNorm2d(eval)";
    }
}
