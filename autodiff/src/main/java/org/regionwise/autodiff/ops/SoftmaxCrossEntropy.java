package org.regionwise.autodiff.ops;

import java.util.Arrays;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;

/**
 * Cross entropy of channel-softmax logits against target probabilities, fused:
 * {@code -mean over (sample, pixel) of sum_k target_k * log softmax_k(logits)}, PyTorch's
 * {@code F.cross_entropy} with probability targets and mean reduction. Logits and target are
 * (N, C, spatial...); the softmax runs over axis 1.
 *
 * <p>Why fused: as log-softmax, multiply, sum and mean it is five passes and four activation-sized buffers;
 * here it is one pass, and the gradient with respect to the logits,
 * {@code (softmax * sum_k target_k - target) / pixels}, is written in the same pass (when needed) so
 * backward is one scaled add. The log-softmax is max-shifted: any finite logits give a finite loss.
 *
 * <p>The op owns its kernel, {@link SoftmaxCrossEntropyKernel}: the backend's if it has one, else the host body.
 */
public final class SoftmaxCrossEntropy extends Function {
    private final Storage dlogits;

    private SoftmaxCrossEntropy(Tensor logits, Tensor target, Storage dlogits) {
        super(logits, target);
        this.dlogits = dlogits;
    }

    public static Tensor apply(Tensor logits, Tensor target) {
        int[] s = logits.shape();
        if (s.length < 2 || !Arrays.equals(s, target.shape())) {
            throw new IllegalArgumentException("softmaxCrossEntropy: logits " + Shape.str(s) + " and target "
                    + Shape.str(target.shape()) + " must have the same shape (N, C, ...)");
        }
        if (target.requiresGrad()) {
            throw new IllegalArgumentException("softmaxCrossEntropy: the target must not require grad (detach it)");
        }
        int n = s[0];
        int c = s[1];
        int plane = logits.numel() / Math.max(1, n * c);
        Backend backend = logits.backend();
        Storage loss = backend.allocateScratch(1);
        boolean needsGrad = logits.requiresGrad() && GradMode.isEnabled();
        Storage dlogits = needsGrad ? backend.allocateScratch(logits.numel()) : null;
        backend.kernels().fused(SoftmaxCrossEntropyKernel.class, SoftmaxCrossEntropyKernel.HOST)
                .forward(n, c, plane, logits.storage(), target.storage(), loss, dlogits);
        return Tensor.fromOp(new SoftmaxCrossEntropy(logits, target, dlogits), loss, new int[0]);
    }

    @Override
    protected void backward(Storage g) {
        Storage gx = gradStorageOf(0);
        if (gx != null) input(0).backend().kernels().scaledAccumulate(g, dlogits, gx);
    }
}
