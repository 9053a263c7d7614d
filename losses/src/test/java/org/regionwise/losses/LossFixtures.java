package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.check.GradientCheck;

/** Random batches for loss tests: logits that require grad, and label images with real regions. */
final class LossFixtures {
    private LossFixtures() {}

    /**
     * Finite-difference settings for losses: a loss is a mean, so its gradient entries are about
     * 1 / (B C N), far below GradientCheck's default absolute tolerance of 2e-3; 1e-5 is about 1% of the
     * entries of the small batches used here, and well above float rounding over the 5e-3 step.
     */
    static final GradientCheck.Options GRADIENTS = new GradientCheck.Options(5e-3, 1e-5, 1e-2, 42L);

    /** Logits uniform in [-2, 2), requiring grad. */
    static Tensor logits(Random r, int batch, int classes, int h, int w) {
        return Tensor.uniform(r, -2f, 2f, batch, classes, h, w).requiresGrad(true);
    }

    /**
     * Labels (B, H, W) with regions: each image is background with a few random rectangles of random
     * foreground classes painted over it, so distance maps have interiors and boundaries. Some classes
     * may be absent from some images, which the losses must handle.
     */
    static int[] regions(Random r, int batch, int h, int w, int classes) {
        int[] labels = new int[batch * h * w];
        for (int b = 0; b < batch; b++) {
            int rectangles = 1 + r.nextInt(2 * classes);
            for (int k = 0; k < rectangles; k++) {
                int c = 1 + r.nextInt(classes - 1);
                int h0 = r.nextInt(h);
                int w0 = r.nextInt(w);
                int h1 = Math.min(h, h0 + 1 + r.nextInt(Math.max(1, h / 2 + 1)));
                int w1 = Math.min(w, w0 + 1 + r.nextInt(Math.max(1, w / 2 + 1)));
                for (int y = h0; y < h1; y++) {
                    for (int x = w0; x < w1; x++) labels[(b * h + y) * w + x] = c;
                }
            }
        }
        return labels;
    }

    /** Independent uniform labels: every pixel its own region. */
    static int[] noise(Random r, int batch, int h, int w, int classes) {
        int[] labels = new int[batch * h * w];
        for (int i = 0; i < labels.length; i++) labels[i] = r.nextInt(classes);
        return labels;
    }

    /**
     * Logits for losses that are piecewise linear in the softmax (Lovasz-softmax, whose kinks are where two
     * of a class's errors |y - s| tie): uniform logits, redrawn until, in every image and class, the sorted
     * errors are at least 0.01 apart. A logit step of 1e-3 moves a probability by at most 2.5e-4, so no
     * finite-difference step can reorder the errors and cross a kink.
     */
    static Tensor kinkFreeLogits(Random r, Target target) {
        int batch = target.batch();
        int classes = target.classes();
        int n = target.pixels();
        while (true) {
            Tensor x = Tensor.uniform(r, -2f, 2f, target.shape());
            float[] s = x.softmax(1).data();
            boolean separated = true;
            for (int b = 0; b < batch && separated; b++) {
                for (int c = 0; c < classes && separated; c++) {
                    double[] errors = new double[n];
                    for (int i = 0; i < n; i++) {
                        double y = target.labels()[b * n + i] == c ? 1 : 0;
                        errors[i] = Math.abs(y - s[(b * classes + c) * n + i]);
                    }
                    java.util.Arrays.sort(errors);
                    for (int i = 1; i < n; i++) if (errors[i] - errors[i - 1] < 0.01) separated = false;
                }
            }
            if (separated) return x.requiresGrad(true);
        }
    }

    /**
     * Logits for the active-contour length term {@code sqrt(dx^2 + dy^2 + 1e-8)}, which has a near-kink where
     * a foreground probability is flat (curvature 1e4 at 0): uniform logits, redrawn until every forward
     * difference vector of every foreground probability map is at least 0.05 long, where a 5e-3 logit step
     * sees a smooth function.
     */
    static Tensor awayFromFlatLogits(Random r, Target target) {
        int classes = target.classes();
        int h = target.height();
        int w = target.width();
        while (true) {
            Tensor x = Tensor.uniform(r, -2f, 2f, target.shape());
            float[] s = x.softmax(1).data();
            boolean steep = true;
            for (int b = 0; b < target.batch() && steep; b++) {
                for (int c = 1; c < classes && steep; c++) {
                    int base = (b * classes + c) * h * w;
                    for (int y = 0; y + 1 < h && steep; y++) {
                        for (int q = 0; q + 1 < w; q++) {
                            float here = s[base + y * w + q];
                            double dx = s[base + (y + 1) * w + q] - here;
                            double dy = s[base + y * w + q + 1] - here;
                            if (Math.hypot(dx, dy) < 0.05) {
                                steep = false;
                                break;
                            }
                        }
                    }
                }
            }
            if (steep) return x.requiresGrad(true);
        }
    }

    /** Logits a finite-difference check of {@code loss} can trust: kink-free for Lovasz, steep for the AC length term. */
    static Tensor logitsFor(Loss loss, Random r, Target target) {
        if (loss instanceof LovaszSoftmaxLoss) return kinkFreeLogits(r, target);
        if (loss instanceof ActiveContourLoss && loss.name().startsWith("ac-length")) return awayFromFlatLogits(r, target);
        return Tensor.uniform(r, -2f, 2f, target.shape()).requiresGrad(true);
    }

    /** Finite differences for piecewise-linear losses on {@link #kinkFreeLogits}: a smaller step, no curvature to fear. */
    static final GradientCheck.Options PIECEWISE_LINEAR = new GradientCheck.Options(1e-3, 1e-4, 2e-2, 42L);

    /** Asserts that the check is meaningful: some gradient entry is well above the absolute tolerance. */
    static void assertGradientIsLarge(float[] grad) {
        double max = 0;
        for (float g : grad) max = Math.max(max, Math.abs(g));
        assertTrue(max > 20 * GRADIENTS.atol(), "largest gradient entry " + max + " is too small for the check to mean much");
    }

    /**
     * Runs a loss's gradient check on fresh logits (the loss as a function of the logits only). The loss is
     * computed in float, so each finite difference carries rounding noise of a few ulps of the loss over
     * the step: about 3e-5 |L|. The absolute tolerance grows with |L| above 0.2 to stay above that noise
     * (it matters for the HD loss, whose squared distances make values of 10 and more).
     */
    static void checkGradients(Loss loss, Tensor logits, Target target) {
        double value;
        try (var scope = org.regionwise.autodiff.GradMode.noGrad()) {
            value = Math.abs(loss.forward(logits, target).item());
        }
        GradientCheck.Options options = GRADIENTS.withTolerance(GRADIENTS.atol() * Math.max(1, 5 * value), GRADIENTS.rtol());
        GradientCheck.assertGradients(options, x -> loss.forward(x[0], target), logits);
        logits.zeroGrad();
        loss.forward(logits, target).backward();
        assertGradientIsLarge(logits.gradBuffer());
    }
}
