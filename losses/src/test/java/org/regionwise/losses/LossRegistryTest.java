package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.autodiff.Tensor;

/** Every registered loss: it builds under its own name, passes a gradient check, and never yields NaN. */
class LossRegistryTest {

    static Stream<String> names() {
        return LossRegistry.names().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void buildsUnderItsOwnNameAndPassesAGradientCheck(String name) {
        Loss loss = LossRegistry.create(name);
        assertEquals(name, loss.name());
        assertNotSame(loss, LossRegistry.create(name), "each create() is a fresh instance");
        Random r = new Random(name.hashCode());
        if (loss instanceof LovaszSoftmaxLoss) {
            Target small = Target.of(LossFixtures.regions(r, 1, 3, 3, 3), 1, 3, 3, 3);
            org.regionwise.autodiff.check.GradientCheck.assertGradients(LossFixtures.PIECEWISE_LINEAR,
                    t -> loss.forward(t[0], small), LossFixtures.kinkFreeLogits(r, small));
            return;
        }
        int[] labels = LossFixtures.regions(r, 2, 4, 5, 3);
        Target target = Target.of(labels, 2, 4, 5, 3);
        loss.setEpoch(30); // mid-schedule, so both terms of a combination carry weight
        LossFixtures.checkGradients(loss, LossFixtures.logitsFor(loss, r, target), target);
    }

    @Test
    void aTypoGetsADidYouMean() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossRegistry.create("rwr"));
        assertTrue(e.getMessage().startsWith("unknown loss 'rwr' (did you mean 'rrw'?); valid names: rrw, "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossRegistry.create("gradual-ce-rwr"));
        assertTrue(e.getMessage().contains("(did you mean 'gradual-ce-rrw'?)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossRegistry.create("completely-unrelated-name"));
        assertTrue(!e.getMessage().contains("did you mean"), e.getMessage());
        assertEquals(3, LossRegistry.editDistance("kitten", "sitting"));
    }

    /**
     * The NaN policy: saturated logits (softmax exactly 0 and 1), all-background images and classes absent
     * from an image give finite values and finite gradients for every loss.
     */
    @ParameterizedTest
    @MethodSource("names")
    void saturatedLogitsEmptyClassesAndBlankImagesStayFinite(String name) {
        int classes = 4;
        int h = 3;
        int w = 4;
        int n = h * w;
        int[] labels = new int[3 * n];                                 // image 0: all background
        for (int i = 0; i < n; i++) labels[n + i] = i < n / 2 ? 1 : 2;   // image 1: classes 1, 2 (0 and 3 absent)
        Arrays.fill(labels, 2 * n, 3 * n, 3);                            // image 2: class 3 fills the image
        Target target = Target.of(labels, 3, h, w, classes);
        Loss loss = LossRegistry.create(name);
        for (int mode = 0; mode < 4; mode++) {
            float[] x = new float[3 * classes * n];
            for (int b = 0; b < 3; b++) {
                for (int i = 0; i < n; i++) {
                    int t = labels[b * n + i];
                    for (int c = 0; c < classes; c++) {
                        boolean hot = switch (mode) {
                            case 0 -> c == t;                          // confidently right
                            case 1 -> c == (t + 1) % classes;          // confidently wrong
                            case 2 -> c == ((i % 2 == 0) ? t : (t + 2) % classes); // a mix
                            default -> c == 0;                         // everything called background
                        };
                        x[(b * classes + c) * n + i] = hot ? 1e4f : -1e4f;
                    }
                }
            }
            Tensor logits = Tensor.of(x, 3, classes, h, w).requiresGrad(true);
            Tensor value = loss.forward(logits, target);
            value.backward();
            assertTrue(Float.isFinite(value.item()), name + " mode " + mode + ": value " + value.item());
            for (float g : logits.gradBuffer()) assertTrue(Float.isFinite(g), name + " mode " + mode + ": gradient " + g);
        }
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossRegistry.create("dice-rrw-typo"));
        assertTrue(e.getMessage().contains("unknown loss 'dice-rrw-typo'"), e.getMessage());
        for (String name : LossRegistry.names()) assertTrue(e.getMessage().contains(name), name);
    }

    @Test
    void namesIgnoreCaseAndBlanks() {
        assertEquals("rrw", LossRegistry.create("  RRW ").name());
    }

    @Test
    void describeHasOneLinePerLossStartingWithItsName() {
        String[] lines = LossRegistry.describe().split("\\R");
        assertEquals(LossRegistry.names().size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(LossRegistry.names().get(i) + " "), lines[i]);
            assertTrue(lines[i].trim().length() > LossRegistry.names().get(i).length() + 10, "a description: " + lines[i]);
        }
    }

    @Test
    void theBriefsNamesAreAllThere() {
        for (String name : new String[] {"rrw", "rw-boundary", "rw-ac", "rw-cao", "ce", "wce-rrw", "focal", "dice",
                "dice-squared", "dice-batch", "dice-nobg", "gdice", "jaccard", "tversky", "lovasz", "dice-ce", "boundary",
                "ac", "hd", "equal-ce-rrw", "gradual-ce-rrw", "equal-dice-rrw", "gradual-dice-rrw", "equal-dice-rw-boundary",
                "gradual-dice-rw-boundary", "equal-ce-rw-boundary", "gradual-ce-rw-boundary"}) {
            assertTrue(LossRegistry.names().contains(name), name);
        }
    }

    @Test
    void paperBoundaryIsTheGradualDiceRwBoundaryCombination() {
        Random r = new Random(2);
        int[] labels = LossFixtures.regions(r, 2, 5, 5, 3);
        Target target = Target.of(labels, 2, 5, 5, 3);
        Tensor x = LossFixtures.logits(r, 2, 3, 5, 5);
        for (int epoch : new int[] {0, 37, 150}) {
            Loss boundary = LossRegistry.create("boundary");
            Loss gradual = LossRegistry.create("gradual-dice-rw-boundary");
            boundary.setEpoch(epoch);
            gradual.setEpoch(epoch);
            assertEquals(gradual.forward(x, target).item(), boundary.forward(x, target).item(), 0f);
        }
    }
}
