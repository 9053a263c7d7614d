package org.regionwise.autodiff.optim;

import java.util.List;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.Storage;

/**
 * Adam as {@code torch.optim.Adam} (amsgrad off, not decoupled: weight decay is L2 added to the gradient).
 * Per element, at step t (counted from 1):
 * <pre>
 *   g  = grad + weightDecay * p
 *   m  = m + (1 - beta1) * (g - m)            torch: exp_avg.lerp_(g, 1 - beta1)
 *   v  = beta2 * v + (1 - beta2) * g * g
 *   p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * The moments live in two flat buffers over {@link FlatParameters}. One step count serves all parameters
 * (PyTorch counts per parameter; the two agree whenever every parameter has a gradient at every step,
 * which holds once a model has been through one backward, since {@link #zeroGrad()} keeps the buffers).
 * A step is one call of the optimiser's own kernel, {@link AdamKernel}, with every parameter (PyTorch's
 * multi-tensor Adam): its host body is the per-parameter loop; a device backend runs it as one launch.
 */
public final class Adam extends FlatOptimizer {
    /** PyTorch's state names, used as the keys of {@link #stateDict()}. */
    public static final String EXP_AVG = "exp_avg";
    public static final String EXP_AVG_SQ = "exp_avg_sq";

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    /** Where each parameter's moments start in the flat moment buffers. */
    private final int[] momentOffsets;

    /** Adam with PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. */
    public Adam(List<Tensor> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8, 0.0);
    }

    public Adam(List<Tensor> parameters, double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        super("Adam", parameters, learningRate, EXP_AVG, EXP_AVG_SQ);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("Adam: invalid beta1 " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("Adam: invalid beta2 " + beta2);
        if (!(eps >= 0)) throw new IllegalArgumentException("Adam: invalid eps " + eps);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("Adam: invalid weight decay " + weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentOffsets = new int[params.count()];
        for (int i = 0; i < momentOffsets.length; i++) momentOffsets[i] = params.offset(i);
    }

    @Override
    public void step() {
        stepCount++;
        // Scalars in double, as Python computes them; elementwise arithmetic in float32, as torch's kernel.
        double biasCorrection1 = 1 - Math.pow(beta1, stepCount);
        double biasCorrection2 = 1 - Math.pow(beta2, stepCount);
        AdamStep s = new AdamStep((float) (learningRate() / biasCorrection1), (float) Math.sqrt(biasCorrection2),
                (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) eps, (float) weightDecay);
        Storage m = state(EXP_AVG);
        Storage v = state(EXP_AVG_SQ);
        int count = params.count();
        Storage[] storages = new Storage[count];
        Storage[] grads = new Storage[count];
        for (int i = 0; i < count; i++) {
            storages[i] = params.tensor(i).storage();
            grads[i] = gradStorageOrNull(i);
        }
        // One call for all parameters, on the backend that holds the moments: a device runs it as one launch.
        m.backend().kernels().fused(AdamKernel.class, AdamKernel.HOST).step(storages, grads, m, v, momentOffsets, s);
    }
}
