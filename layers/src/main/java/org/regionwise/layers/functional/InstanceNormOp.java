package org.regionwise.layers.functional;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.InstanceNormKernel;

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
    private final Storage mean;
    private final Storage invStd;

    private InstanceNormOp(Tensor[] inputs, int n, int c, int plane, Storage mean, Storage invStd) {
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
        Backend backend = x.backend();
        Storage out = backend.allocateScratch(x.numel());
        Storage mean = backend.allocateScratch(n * c);
        Storage invStd = backend.allocateScratch(n * c);
        kernel(backend).forward(n, c, plane, (float) eps, x.storage(),
                weight == null ? null : weight.storage(), bias == null ? null : bias.storage(), out, mean, invStd);
        Tensor[] inputs = weight == null ? new Tensor[] {x} : new Tensor[] {x, weight, bias};
        return Tensor.fromOp(new InstanceNormOp(inputs, n, c, plane, mean, invStd), out, s);
    }

    @Override
    protected void backward(Storage g) {
        boolean affine = inputCount() == 3;
        kernel(input(0).backend()).backward(n, c, plane, input(0).storage(), g, mean, invStd,
                affine ? input(1).storage() : null, gradStorageOf(0),
                affine ? gradStorageOf(1) : null, affine ? gradStorageOf(2) : null);
    }

    /** The backend's instance norm kernel, or the host body when it has none. */
    private static InstanceNormKernel kernel(Backend backend) {
        return backend.kernels().fused(InstanceNormKernel.class, InstanceNormKernel.HOST);
    }

    @Override
    public String name() {
        return "InstanceNorm2d";
    }
}
