package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.check.GradientCheck;

/** Dice and its variants, generalised Dice, Jaccard, Tversky, Lovasz-softmax: values and gradients. */
class OverlapLossesProperties {

    private static final DiceLoss.Options[] DICE_VARIANTS = {
        DiceLoss.Options.reference(), DiceLoss.Options.squared(), DiceLoss.Options.smoothed(),
        DiceLoss.Options.batch(), DiceLoss.Options.noBackground(),
    };

    @Property(tries = 25)
    void valuesAndGradients(@ForAll @IntRange(min = 2, max = 5) int classes, @ForAll @IntRange(min = 1, max = 2) int batch,
                            @ForAll boolean noiseLabels, @ForAll long seed) {
        Random r = new Random(seed);
        LossCase c = noiseLabels ? LossCase.noise(r, batch, classes) : LossCase.regions(r, batch, classes);

        for (DiceLoss.Options o : DICE_VARIANTS) {
            DiceLoss dice = new DiceLoss("dice", o);
            c.assertValue(ReferenceLosses.dice(c.d(), o), dice);
            c.checkGradients(dice);
        }
        c.assertValue(ReferenceLosses.generalizedDice(c.d()), new GeneralizedDiceLoss());
        c.assertValue(ReferenceLosses.jaccard(c.d()), new JaccardLoss());
        c.assertValue(ReferenceLosses.tversky(c.d(), 0.3, 0.7), new TverskyLoss());
        c.assertValue(ReferenceLosses.tversky(c.d(), 0.8, 0.1), new TverskyLoss(0.8f, 0.1f));
        c.assertValue(ReferenceLosses.lovasz(c.d()), new LovaszSoftmaxLoss());

        c.checkGradients(new GeneralizedDiceLoss());
        c.checkGradients(new JaccardLoss());
        c.checkGradients(new TverskyLoss());
    }

    /** Lovasz-softmax is piecewise linear in the softmax: checked on logits that keep steps off its kinks. */
    @Property(tries = 25)
    void lovaszGradients(@ForAll @IntRange(min = 2, max = 4) int classes, @ForAll long seed) {
        Random r = new Random(seed);
        int h = 3;
        int w = 3;
        int[] labels = LossFixtures.regions(r, 1, h, w, classes);
        Target target = Target.of(labels, 1, h, w, classes);
        Tensor x = LossFixtures.kinkFreeLogits(r, target);
        GradientCheck.assertGradients(LossFixtures.PIECEWISE_LINEAR,
                t -> new LovaszSoftmaxLoss().forward(t[0], target), x);
    }

    @Test
    void perfectPredictionScoresZeroAndAbsentClassesFollowTheDocumentedRule() {
        // One image, classes 0 and 1 present, class 2 absent; logits +-1e4 predict the labels exactly.
        int[] labels = {0, 1, 1, 0};
        Target target = Target.of(labels, 1, 2, 2, 3);
        float[] logits = new float[12];
        java.util.Arrays.fill(logits, -1e4f);
        for (int i = 0; i < 4; i++) logits[labels[i] * 4 + i] = 1e4f;
        Tensor x = Tensor.of(logits, 1, 3, 2, 2);
        // Reference Dice: the absent class scores 0 (numerator 0), so the loss floors at 1/3.
        assertEquals(1.0 / 3, new DiceLoss().forward(x, target).item(), 1e-6);
        // Smoothed Dice, Jaccard, Tversky: the absent, unpredicted class scores 1.
        assertEquals(0.0, new DiceLoss("dice-smooth", DiceLoss.Options.smoothed()).forward(x, target).item(), 1e-6);
        assertEquals(0.0, new JaccardLoss().forward(x, target).item(), 1e-6);
        assertEquals(0.0, new TverskyLoss().forward(x, target).item(), 1e-6);
        assertEquals(0.0, new GeneralizedDiceLoss().forward(x, target).item(), 1e-6);
        assertEquals(0.0, new LovaszSoftmaxLoss().forward(x, target).item(), 1e-6);
        // Without background the absent class still floors the reference Dice: 1 - (1 + 0) / 2.
        assertEquals(0.5, new DiceLoss("dice-nobg", DiceLoss.Options.noBackground()).forward(x, target).item(), 1e-6);
    }

    @Test
    void generalizedDiceGivesAnAbsentClassTheLargestPresentWeight() {
        // Class 1 has 1 pixel (weight 1), class 0 has 3 (weight 1/9), class 2 is absent (weight 1 by the guard).
        int[] labels = {0, 0, 0, 1};
        Target target = Target.of(labels, 1, 2, 2, 3);
        Tensor x = Tensor.zeros(1, 3, 2, 2); // s = 1/3 everywhere
        double num = (1.0 / 9) * (3 * (1.0 / 3)) + 1 * (1.0 / 3);
        double den = (1.0 / 9) * (4.0 / 3 + 3) + 1 * (4.0 / 3 + 1) + 1 * (4.0 / 3);
        assertEquals(1 - 2 * num / den, new GeneralizedDiceLoss().forward(x, target).item(), 1e-6);
    }

    @Test
    void tverskyWithEqualHalvesIsDiceWithMatchingSmoothing() {
        Random r = new Random(11);
        int[] labels = LossFixtures.regions(r, 2, 4, 4, 3);
        Target target = Target.of(labels, 2, 4, 4, 3);
        Tensor x = LossFixtures.logits(r, 2, 3, 4, 4);
        // (TP + e) / (TP + FP/2 + FN/2 + e) = (2 TP + 2e) / (sum s + sum y + 2e)
        DiceLoss dice = new DiceLoss("dice", new DiceLoss.Options(false, 2e-5f, 2e-5f, true, false));
        assertEquals(dice.forward(x, target).item(), new TverskyLoss(0.5f, 0.5f).forward(x, target).item(), 1e-6);
    }

    @Test
    void rejectsNonPositiveDenominatorSmoothing() {
        assertThrows(IllegalArgumentException.class, () -> new DiceLoss.Options(false, 1f, 0f, true, false));
    }
}
