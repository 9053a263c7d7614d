package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Storage;

/**
 * {@code x > 0 ? x : slope * x} on the backend's kernels. It has its own op, not a {@link Pointwise}, because
 * it follows every convolution of a U-Net: the fast CPU kernels vectorise and thread it, a device keeps it
 * on the device. Backward recomputes the mask from the saved input.
 */
public final class LeakyRelu extends Function {
    private final float slope;

    private LeakyRelu(Tensor x, float slope) {
        super(x);
        this.slope = slope;
    }

    public static Tensor apply(Tensor x, float slope) {
        if (!Float.isFinite(slope)) throw new IllegalArgumentException("leakyRelu: slope " + slope + " is not finite");
        Storage y = x.backend().allocateScratch(x.numel());
        x.backend().kernels().leakyRelu(slope, x.storage(), y);
        return Tensor.fromOp(new LeakyRelu(x, slope), y, x.shape());
    }

    @Override
    protected void backward(Storage g) {
        Storage gx = gradStorageOf(0);
        if (gx != null) input(0).backend().kernels().leakyReluBackward(slope, input(0).storage(), g, gx);
    }

    @Override
    public String name() {
        return "LeakyRelu(" + slope + ")";
    }
}
