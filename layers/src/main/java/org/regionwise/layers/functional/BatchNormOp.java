package org.regionwise.layers.functional;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;

/**
 * Fused batch normalisation over NCHW (PyTorch's {@code F.batch_norm}): one mean and variance per channel,
 * over the batch and both spatial axes. In training the statistics come from the batch (biased variance
 * normalises; the caller updates its running statistics from {@link Result#batchMean()} and
 * {@link Result#batchVar()}), and backward flows through them; in evaluation the given running statistics
 * are constants and the op is a per-channel affine map.
 *
 * <p>The op owns its kernel, {@link BatchNormKernel}: the backend's when it has one (on a device the
 * statistics, the output and the gradients stay there), else the host body ({@link HostBatchNorm}).
 */
public final class BatchNormOp extends Function {
    private final int n;
    private final int c;
    private final int plane;
    private final Storage mean;
    private final Storage invStd;
    private final boolean statisticsFromInput;

    /** The output and, in training, the batch statistics (biased variance, C values each); null statistics in evaluation. */
    public record Result(Tensor output, Tensor batchMean, Tensor batchVar) {}

    private BatchNormOp(Tensor[] inputs, int n, int c, int plane, Storage mean, Storage invStd, boolean fromInput) {
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
        Backend backend = x.backend();
        Storage mean = backend.allocateScratch(c);
        Storage var = backend.allocateScratch(c);
        Storage invStd = backend.allocateScratch(c);
        kernel(backend).statistics(s[0], c, plane, eps, x.storage(), mean, var, invStd);
        Tensor out = forward(x, weight, bias, s, mean, invStd, true);
        return new Result(out, Tensor.fromOp(new Constant(), mean, new int[] {c}),
                Tensor.fromOp(new Constant(), var, new int[] {c}));
    }

    /** Evaluation mode: normalises with fixed running statistics (each of length C). */
    public static Tensor evaluation(Tensor x, float[] runningMean, float[] runningVar, Tensor weight, Tensor bias, double eps) {
        return evaluation(x, Tensor.of(runningMean.clone(), runningMean.length), Tensor.of(runningVar.clone(), runningVar.length),
                weight, bias, eps);
    }

    /**
     * Evaluation mode with the running statistics as tensors (a layer's buffers, on a device where the layer is):
     * the mean is copied, so a later update of the buffers does not reach this op's backward.
     */
    public static Tensor evaluation(Tensor x, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, double eps) {
        int[] s = check(x, weight, bias);
        int c = s[1];
        if (runningMean.numel() != c || runningVar.numel() != c) {
            throw new IllegalArgumentException("batchNorm2d: running statistics of length " + runningMean.numel() + "/"
                    + runningVar.numel() + " for input " + Shape.str(s));
        }
        Backend backend = x.backend();
        Storage mean = backend.allocateScratch(c);
        backend.kernels().copyBlocks(1, c, runningMean.storage(), 0, c, mean, 0, c, false);
        Storage invStd = backend.allocateScratch(c);
        kernel(backend).invStd(c, eps, runningVar.storage(), invStd);
        return forward(x, weight, bias, s, mean, invStd, false);
    }

    /**
     * {@code BatchNorm2d}'s running-statistics update from a training {@link Result}, on the kernel of the
     * buffers' backend: running = (1 - momentum) running + momentum * batch (the variance unbiased by M / (M - 1)).
     */
    public static void updateRunning(Result r, double momentum, double unbias, Tensor runningMean, Tensor runningVar) {
        kernel(runningMean.backend()).updateRunning(runningMean.numel(), momentum, unbias, r.batchMean().storage(),
                r.batchVar().storage(), runningMean.storage(), runningVar.storage());
    }

    private static int[] check(Tensor x, Tensor weight, Tensor bias) {
        int[] s = x.shape();
        if (s.length != 4) throw new IllegalArgumentException("batchNorm2d: input " + Shape.str(s) + " is not (N, C, H, W)");
        NormChecks.affine("batchNorm2d", s, weight, bias);
        return s;
    }

    private static Tensor forward(Tensor x, Tensor weight, Tensor bias, int[] s, Storage mean, Storage invStd, boolean fromInput) {
        int n = s[0];
        int c = s[1];
        int plane = s[2] * s[3];
        Backend backend = x.backend();
        Storage out = backend.allocateScratch(x.numel());
        kernel(backend).forward(n, c, plane, x.storage(), mean, invStd, weight == null ? null : weight.storage(),
                bias == null ? null : bias.storage(), out);
        Tensor[] inputs = weight == null ? new Tensor[] {x} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp(new BatchNormOp(inputs, n, c, plane, mean, invStd, fromInput), out, s);
    }

    @Override
    protected void backward(Storage g) {
        boolean affine = inputCount() == 3;
        Storage gx = gradStorageOf(0);
        Storage gGamma = affine ? gradStorageOf(1) : null;
        Storage gBeta = affine ? gradStorageOf(2) : null;
        if (gx == null && gGamma == null && gBeta == null) return;
        kernel(input(0).backend()).backward(n, c, plane, statisticsFromInput, input(0).storage(), g, mean, invStd,
                affine ? input(1).storage() : null, gx, gGamma, gBeta);
    }

    private static BatchNormKernel kernel(Backend backend) {
        return backend.kernels().fused(BatchNormKernel.class, BatchNormKernel.HOST);
    }

    @Override
    public String name() {
        return statisticsFromInput ? "BatchNorm2d(train)" : "BatchNorm2d(eval)";
    }

    /** A batch statistic handed out as a tensor: an op without inputs, so nothing is recorded and no gradient flows. */
    private static final class Constant extends Function {}
}
