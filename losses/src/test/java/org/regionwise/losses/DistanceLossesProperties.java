package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapKind;

/** Boundary (Kervadec, both conventions), Cao, active-contour and one-sided HD losses: values and gradients. */
class DistanceLossesProperties {

    @Property(tries = 25)
    void valuesAndGradients(@ForAll @IntRange(min = 2, max = 4) int classes, @ForAll @IntRange(min = 1, max = 2) int batch,
                            @ForAll long seed) {
        Random r = new Random(seed);
        LossCase c = LossCase.regions(r, batch, classes);

        for (MapKind levelSet : new MapKind[] {MapKind.BOUNDARY_KERVADEC, MapKind.BOUNDARY, MapKind.CAO}) {
            for (boolean background : new boolean[] {false, true}) {
                BoundaryLoss loss = new BoundaryLoss("b", levelSet, background);
                c.assertValue(ReferenceLosses.boundary(c.d(), c.target().map(levelSet), background ? 0 : 1), loss);
                c.checkGradients(loss);
            }
        }
        c.assertValue(ReferenceLosses.activeContour(c.d(), LossCase.H, LossCase.W, 1, 0), new ActiveContourLoss());
        c.assertValue(ReferenceLosses.activeContour(c.d(), LossCase.H, LossCase.W, 0.5, 2), new ActiveContourLoss(0.5f, 2f));
        c.checkGradients(new ActiveContourLoss());
        ActiveContourLoss withLength = new ActiveContourLoss(1f, 1f);
        LossFixtures.checkGradients(withLength, LossFixtures.logitsFor(withLength, r, c.target()), c.target());

        for (double alpha : new double[] {1, 2}) {
            HausdorffLoss hd = new HausdorffLoss(alpha);
            c.assertValue(ReferenceLosses.hausdorff(c.d(), c.target().map(MapSource.hd(alpha))), hd);
            c.checkGradients(hd);
        }
    }

    @Test
    void hausdorffMapUsesTheLossExponentNotTheTargets() {
        int[] labels = {0, 0, 1, 1, 1, 0};
        Target target = Target.builder(labels, 1, 1, 6, 2)
                .mapOptions(org.regionwise.maps.MapOptions.defaults().withHdAlpha(1.0)).build();
        float[] squared = target.map(MapSource.hd(2.0));
        float[] plain = target.map(MapKind.HD);
        for (int i = 0; i < plain.length; i++) assertEquals(plain[i] * plain[i], squared[i], 1e-6f);
    }

    @Test
    void boundaryTermOfAKnownImage() {
        // A 1 x 4 strip: labels 0 0 1 1. Kervadec's phi for class 1: outside distances 2, 1; inside 1 - 1 = 0, 1 - 2 = -1.
        Target target = Target.of(new int[] {0, 0, 1, 1}, 1, 1, 4, 2);
        Tensor x = Tensor.zeros(1, 2, 1, 4); // s = 1/2
        assertEquals((2 + 1 + 0 - 1) * 0.5 / 4, BoundaryLoss.kervadec().forward(x, target).item(), 1e-7);
        // The reference convention: inside -1, -2.
        assertEquals((2 + 1 - 1 - 2) * 0.5 / 4, new BoundaryLoss("b", MapKind.BOUNDARY, false).forward(x, target).item(), 1e-7);
    }
}
