package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapKind;

/**
 * nnU-Net v2's ignore label through every registered loss: an ignored pixel adds nothing to the loss and its
 * logits get a gradient of exactly 0, the gradient elsewhere passes a finite-difference check, and the two
 * losses that cannot mask ({@code lovasz}, {@code ac-length}) refuse with a message that says so.
 */
class IgnoreLabelProperties {
    private static final int CLASSES = 3;
    private static final int IGNORE = CLASSES;
    private static final int H = 4;
    private static final int W = 5;

    @Provide
    Arbitrary<String> lossNames() {
        return Arbitraries.of(LossRegistry.names());
    }

    /** Labels with regions, then a random share of pixels (at least one) set to the ignore label. */
    static int[] labelsWithIgnored(Random r, int batch) {
        int[] labels = LossFixtures.regions(r, batch, H, W, CLASSES);
        for (int i = 0; i < labels.length; i++) if (r.nextInt(4) == 0) labels[i] = IGNORE;
        labels[r.nextInt(labels.length)] = IGNORE;
        return labels;
    }

    static Target target(int[] labels, int batch) {
        return Target.builder(labels, batch, H, W, CLASSES).ignoreLabel(IGNORE).build();
    }

    @Property(tries = 60)
    void ignoredPixelsAddNothingAndGetZeroGradient(@ForAll("lossNames") String name, @ForAll long seed,
                                                  @ForAll @IntRange(min = 1, max = 2) int batch) {
        checkIgnoredPixels(name, seed, batch);
    }

    /** The same check once for every registered name, so none is left to chance. */
    @ParameterizedTest
    @MethodSource("org.regionwise.losses.LossRegistryTest#names")
    void everyRegisteredLossMasksOrRefuses(String name) {
        checkIgnoredPixels(name, name.hashCode(), 2);
    }

    private static void checkIgnoredPixels(String name, long seed, int batch) {
        Loss loss = LossRegistry.create(name);
        loss.setEpoch(30); // both parts of a combination weigh
        Random r = new Random(seed);
        int[] labels = labelsWithIgnored(r, batch);
        Target target = target(labels, batch);
        Tensor x = Tensor.uniform(r, -2f, 2f, target.shape()).requiresGrad(true);
        if (!loss.supportsIgnoreLabel()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.forward(x, target));
            assertTrue(e.getMessage().contains("cannot exclude pixels with the ignore label"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> IgnoreLabels.requireSupport(loss));
            return;
        }
        loss.forward(x, target).backward();
        float[] grad = x.gradBuffer();
        int n = H * W;
        float[] moved = x.data().clone();
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) {
                if (labels[b * n + i] != IGNORE) continue;
                for (int c = 0; c < CLASSES; c++) {
                    int at = (b * CLASSES + c) * n + i;
                    assertEquals(0f, grad[at], name + ": gradient at ignored pixel " + i + " of image " + b + ", class " + c);
                    moved[at] = (float) (r.nextGaussian() * 5);
                }
            }
        }
        try (var off = GradMode.noGrad()) {
            float before = loss.forward(x.detach(), target).item();
            float after = loss.forward(Tensor.of(moved, target.shape()), target).item();
            assertEquals(before, after, 1e-6f * Math.max(1f, Math.abs(before)), name + ": the loss must not see ignored logits");
        }
    }

    /** Finite differences over all logits (ignored ones included, where both sides must be 0) for every maskable loss. */
    @Property(tries = 30)
    void maskedLossesPassAGradientCheck(@ForAll("lossNames") String name, @ForAll long seed) {
        Loss loss = LossRegistry.create(name);
        if (!loss.supportsIgnoreLabel()) return;
        loss.setEpoch(30);
        Random r = new Random(seed);
        Target target = target(labelsWithIgnored(r, 2), 2);
        LossFixtures.checkGradients(loss, LossFixtures.logitsFor(loss, r, target), target);
    }

    @Test
    void crossEntropyWithIgnoredPixelsIsTheSumOverTheOthersOverAllPixels() {
        Random r = new Random(3);
        int[] labels = labelsWithIgnored(r, 2);
        Target target = target(labels, 2);
        Tensor x = LossFixtures.logits(r, 2, CLASSES, H, W);
        float[] logits = x.data();
        int n = H * W;
        double sum = 0;
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < n; i++) {
                if (labels[b * n + i] == IGNORE) continue;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < CLASSES; c++) max = Math.max(max, logits[(b * CLASSES + c) * n + i]);
                double z = 0;
                for (int c = 0; c < CLASSES; c++) z += Math.exp(logits[(b * CLASSES + c) * n + i] - max);
                sum -= logits[(b * CLASSES + labels[b * n + i]) * n + i] - max - Math.log(z);
            }
        }
        assertEquals(sum / (2 * n), new CrossEntropyLoss().forward(x, target).item(), 1e-6);
    }

    @Test
    void targetCountsNoClassAtIgnoredPixelsAndZeroesMapsThere() {
        int[] labels = {0, 1, 1, IGNORE, 2, 2};
        Target target = Target.builder(labels, 1, 2, 3, CLASSES).ignoreLabel(IGNORE).build();
        assertEquals(1, target.ignoredPixels());
        assertEquals(1, target.classCount(0, 0));
        assertEquals(2, target.classCount(0, 1));
        float[] y = target.oneHot();
        float[] z = target.map(MapKind.RRW);
        for (int c = 0; c < CLASSES; c++) {
            assertEquals(0f, y[c * 6 + 3]);
            assertEquals(0f, z[c * 6 + 3]);
        }
        assertEquals(4, target.resized(4, 6).ignoredPixels(), "nearest-neighbour resizing keeps the ignore label");
        assertFalse(Target.of(new int[] {0, 1}, 1, 1, 2, 2).hasIgnored());
    }

    @Test
    void labelsOutsideTheClassesAreStillRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Target.builder(new int[] {0, 5}, 1, 1, 2, CLASSES).ignoreLabel(IGNORE).build());
        assertTrue(e.getMessage().contains("nor the ignore label 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Target.builder(new int[] {0, 1}, 1, 1, 2, CLASSES).ignoreLabel(1));
        assertThrows(IllegalArgumentException.class, () -> Target.of(new int[] {0, -1}, 1, 1, 2, CLASSES));
    }
}
