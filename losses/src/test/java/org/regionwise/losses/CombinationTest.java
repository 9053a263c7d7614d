package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapKind;

/** Schedules, weighted combinations with the epoch passed down, and deep supervision. */
class CombinationTest {

    @Test
    void gradualScheduleFollowsTheReferenceCode() {
        assertWeights(1.0, 0.0, Schedule.gradual().at(0));
        assertWeights(0.75, 0.25, Schedule.gradual().at(25));
        assertWeights(0.01, 0.99, Schedule.gradual().at(99));
        assertWeights(0.01, 0.99, Schedule.gradual().at(100));
        assertWeights(0.01, 0.99, Schedule.gradual().at(500));
        assertWeights(1, 1, Schedule.equal().at(42));
    }

    @Test
    void kervadecScheduleMovesOneHundredthPerEpoch() {
        assertWeights(1.0, 0.01, Schedule.kervadec().at(0));
        assertWeights(0.99, 0.02, Schedule.kervadec().at(1));
        assertWeights(0.5, 0.51, Schedule.kervadec().at(50));
        assertWeights(0.1, 0.91, Schedule.kervadec().at(90));
        assertWeights(0.1, 2.01, Schedule.kervadec().at(200));
        assertThrows(IllegalArgumentException.class, () -> Schedule.kervadec().at(-1));
    }

    @Test
    void combinationIsTheWeightedSumAtTheEpochSetAndPassesTheEpochDown() {
        Random r = new Random(4);
        int[] labels = LossFixtures.regions(r, 2, 6, 6, 3);
        Target target = Target.of(labels, 2, 6, 6, 3);
        Tensor x = LossFixtures.logits(r, 2, 3, 6, 6);
        float dice = new DiceLoss().forward(x, target).item();
        float rrw = RwLoss.of(MapKind.RRW).forward(x, target).item();
        CombinedLoss gradual = (CombinedLoss) LossRegistry.create("gradual-dice-rrw");
        gradual.setEpoch(40);
        assertEquals(0.6 * dice + 0.4 * rrw, gradual.forward(x, target).item(), 1e-6);
        CombinedLoss equal = (CombinedLoss) LossRegistry.create("equal-dice-rrw");
        assertEquals(dice + rrw, equal.forward(x, target).item(), 1e-6);

        CombinedLoss nested = new CombinedLoss("nested", gradual, new CrossEntropyLoss(), Schedule.equal());
        nested.setEpoch(7);
        assertEquals(7, gradual.epoch());
    }

    @Test
    void deepSupervisionWeightsAreNnUnets() {
        assertArrayEquals(new double[] {1}, DeepSupervisionLoss.weights(1), 0);
        assertArrayEquals(new double[] {1, 0}, DeepSupervisionLoss.weights(2), 0);
        assertArrayEquals(new double[] {8.0 / 15, 4.0 / 15, 2.0 / 15, 1.0 / 15, 0}, DeepSupervisionLoss.weights(5), 1e-15);
    }

    @Test
    void deepSupervisionSumsTheScalesWithResizedTargetsAndFreshMaps() {
        Random r = new Random(8);
        int[] labels = LossFixtures.regions(r, 2, 8, 8, 3);
        Target target = Target.builder(labels, 2, 8, 8, 3).spacing(1.5, 1.5).build();
        Tensor full = LossFixtures.logits(r, 2, 3, 8, 8);
        Tensor half = LossFixtures.logits(r, 2, 3, 4, 4);
        Tensor quarter = LossFixtures.logits(r, 2, 3, 2, 2);
        Loss rrw = RwLoss.of(MapKind.RRW);
        DeepSupervisionLoss ds = new DeepSupervisionLoss(rrw);
        Tensor value = ds.forward(List.of(full, half, quarter), target);

        int[] halfLabels = Functional.resizeLabels(labels, 2, 8, 8, 4, 4);
        Target halfTarget = Target.builder(halfLabels, 2, 4, 4, 3).spacing(3, 3).build();
        double expected = (2.0 / 3) * rrw.forward(full, target).item() + (1.0 / 3) * rrw.forward(half, halfTarget).item();
        assertEquals(expected, value.item(), 1e-6);
        assertArrayEquals(halfTarget.map(MapKind.RRW), target.resized(4, 4).map(MapKind.RRW), 0f);
        assertArrayEquals(new double[] {3, 3}, target.resized(4, 4).spacing(), 0);

        value.backward();
        for (float g : quarter.gradBuffer()) assertEquals(0f, g, "the lowest resolution has weight 0");
    }

    private static void assertWeights(double first, double second, Schedule.Weights w) {
        assertEquals(first, w.first(), 1e-12);
        assertEquals(second, w.second(), 1e-12);
    }
}
