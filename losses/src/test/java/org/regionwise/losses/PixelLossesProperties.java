package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapKind;

/** Cross entropy, RRW-weighted cross entropy and focal loss: values against the double reference, gradients against finite differences. */
class PixelLossesProperties {

    @Property(tries = 25)
    void valuesAndGradients(@ForAll @IntRange(min = 2, max = 5) int classes, @ForAll @IntRange(min = 1, max = 2) int batch,
                            @ForAll long seed) {
        Random r = new Random(seed);
        LossCase c = LossCase.regions(r, batch, classes);

        c.assertValue(ReferenceLosses.ce(c.d()), new CrossEntropyLoss());
        c.assertValue(ReferenceLosses.weightedCe(c.d(), c.target().map(MapKind.RRW)), WeightedCrossEntropyLoss.rrw());
        c.assertValue(ReferenceLosses.focal(c.d(), 2), new FocalLoss());
        c.assertValue(ReferenceLosses.focal(c.d(), 3), new FocalLoss(3f));

        c.checkGradients(new CrossEntropyLoss());
        c.checkGradients(WeightedCrossEntropyLoss.rrw());
        c.checkGradients(new FocalLoss());
    }

    @Test
    void focalWithGammaZeroIsCrossEntropy() {
        Random r = new Random(5);
        int[] labels = LossFixtures.regions(r, 2, 4, 4, 3);
        Target target = Target.of(labels, 2, 4, 4, 3);
        Tensor x = LossFixtures.logits(r, 2, 3, 4, 4);
        assertEquals(new CrossEntropyLoss().forward(x, target).item(), new FocalLoss(0f).forward(x, target).item(), 1e-6);
    }

    @Test
    void crossEntropyOfKnownLogits() {
        // One pixel, logits (0, ln 3): s = (1/4, 3/4); label 1 gives -ln(3/4).
        Target target = Target.of(new int[] {1}, 1, 1, 1, 2);
        Tensor x = Tensor.of(new float[] {0f, (float) Math.log(3)}, 1, 2, 1, 1);
        assertEquals(-Math.log(0.75), new CrossEntropyLoss().forward(x, target).item(), 1e-6);
        // Focal: (1 - 3/4)^2 of that.
        assertEquals(-Math.log(0.75) / 16, new FocalLoss().forward(x, target).item(), 1e-7);
    }

    @Test
    void rejectsGammaBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new FocalLoss(0.5f));
    }
}
