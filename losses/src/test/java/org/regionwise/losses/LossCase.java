package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.regionwise.autodiff.Tensor;

/**
 * One random batch for the value-and-gradient properties of the loss families: label images of {@value #H} x
 * {@value #W} pixels, their target, logits requiring grad (drawn after the labels from the same generator), and the
 * double reference's view of both ({@link ReferenceLosses}).
 */
record LossCase(Target target, Tensor x, ReferenceLosses.Batch d) {
    static final int H = 4;
    static final int W = 5;

    /** Labels with regions ({@link LossFixtures#regions}). */
    static LossCase regions(Random r, int batch, int classes) {
        return of(r, LossFixtures.regions(r, batch, H, W, classes), batch, classes);
    }

    /** Independent uniform labels ({@link LossFixtures#noise}). */
    static LossCase noise(Random r, int batch, int classes) {
        return of(r, LossFixtures.noise(r, batch, H, W, classes), batch, classes);
    }

    private static LossCase of(Random r, int[] labels, int batch, int classes) {
        Target target = Target.of(labels, batch, H, W, classes);
        Tensor x = LossFixtures.logits(r, batch, classes, H, W);
        return new LossCase(target, x, ReferenceLosses.Batch.of(x.data(), labels, batch, classes, H * W));
    }

    /** The loss on this batch equals the reference's {@code expected} up to float rounding (2e-6 relative). */
    void assertValue(double expected, Loss loss) {
        assertEquals(expected, loss.forward(x, target).item(), 2e-6 * Math.max(1, Math.abs(expected)));
    }

    /** The loss's gradient on this batch against finite differences ({@link LossFixtures#checkGradients}). */
    void checkGradients(Loss loss) {
        LossFixtures.checkGradients(loss, x, target);
    }
}
