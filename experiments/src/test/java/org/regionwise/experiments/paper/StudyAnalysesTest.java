package org.regionwise.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.stats.PairedPermutationTest;
import org.regionwise.experiments.study.StudyMetric;
import org.regionwise.experiments.study.StudySettings;
import org.regionwise.experiments.study.TrialResult;
import org.regionwise.experiments.study.TrialResult.EpochDice;
import org.regionwise.experiments.study.TrialResult.UnitMetrics;
import org.regionwise.experiments.study.TrialSpec;

/** The tables' and figures' arithmetic on hand-made results, against values worked out by hand. */
class StudyAnalysesTest {
    static final List<String> CLASSES = List.of("bg", "a", "b");
    static final StudySettings SETTINGS = new StudySettings("default", 2, 0.2, 3, 0, 4, 1e-3, 4, 16);

    /** A completed result whose volume u has Dice {@code dice[u]} for class 1 (class 2 fixed at 0.5), HD = 10 * (1 - Dice). */
    static TrialResult result(String loss, long seed, double... dice) {
        List<UnitMetrics> cases = new ArrayList<>();
        for (int u = 0; u < dice.length; u++) {
            cases.add(new UnitMetrics("v" + u, new double[] {0.99, dice[u], 0.5}, new double[] {1, 10 * (1 - dice[u]), 4},
                    new double[] {1, 5 * (1 - dice[u]), 2}));
        }
        TrialSpec spec = SETTINGS.spec(loss, seed, 3, "");
        List<EpochDice> curve = List.of(new EpochDice(0, new double[] {0.9, 0.2, 0.4}), new EpochDice(2, new double[] {0.9, dice[0], 0.5}));
        return new TrialResult(spec.id(), spec, TrialResult.Status.COMPLETED, "", CLASSES, cases, cases, curve);
    }

    static TrialResult diverged(String loss, long seed) {
        TrialSpec spec = SETTINGS.spec(loss, seed, 3, "");
        return new TrialResult(spec.id(), spec, TrialResult.Status.DIVERGED, "NaN", CLASSES, null, null,
                List.of(new EpochDice(0, new double[] {0.9, 0.1, 0.1})));
    }

    @Test
    void tableAveragesOverSeedsThenVolumesAndTestsAgainstRrwPerVolume() {
        List<TrialResult> results = List.of(
                result("rrw", 0, 0.8, 0.9, 0.7, 0.8, 0.6), result("rrw", 1, 0.6, 0.9, 0.9, 0.8, 0.8),
                result("dice", 0, 0.5, 0.6, 0.5, 0.6, 0.5), result("dice", 1, 0.5, 0.6, 0.5, 0.6, 0.5), diverged("dice", 2));
        LossTable.Table t = LossTable.analyse(results, List.of("rrw", "dice"), CLASSES, new double[] {0.9, 0.07, 0.03});
        assertEquals("volumes", t.pairing());
        // rrw per volume (seed means): 0.7, 0.9, 0.8, 0.8, 0.7 -> mean 0.78
        LossTable.Cell rrw = t.cell("rrw", 1, StudyMetric.DICE);
        assertEquals(0.78, rrw.mean(), 1e-12);
        assertEquals(Math.sqrt((0.0064 + 0.0144 + 0.0004 + 0.0004 + 0.0064) / 4), rrw.sd(), 1e-12);
        assertNull(rrw.test());
        LossTable.Cell dice = t.cell("dice", 1, StudyMetric.DICE);
        assertEquals(0.54, dice.mean(), 1e-12);
        double p = PairedPermutationTest.test(new double[] {0.7, 0.9, 0.8, 0.8, 0.7}, new double[] {0.5, 0.6, 0.5, 0.6, 0.5},
                PairedPermutationTest.DEFAULT_PERMUTATIONS, LossTable.TEST_SEED).pValue();
        assertEquals(p, dice.p(), 1e-15);
        assertEquals(1, t.diverged().get("dice"));
        assertEquals(2, t.runs().get("dice"));
        // All 5 pairs differ in the same direction: the smallest p sign flips allow is 2/32.
        assertTrue(dice.p() > 0.05, "5 pairs cannot reach p < 0.05 with a two-sided sign-flip test: " + dice.p());
        String line = LossTable.lines(t).get(2);
        assertTrue(line.startsWith("table loss=dice class=1 dice=0.5400 hd=4.60 hd95=2.30 p_dice="), line);
        assertTrue(LossTable.markdown(t, SETTINGS, 2).contains("the validation volume (3D)"));
    }

    @Test
    void fewerThanFiveVolumesPairsSlicesAndSaysSo() {
        List<TrialResult> results = List.of(result("rrw", 0, 0.9, 0.8), result("focal", 0, 0.7, 0.6));
        LossTable.Table t = LossTable.analyse(results, List.of("rrw", "focal"), CLASSES, new double[] {0.9, 0.07, 0.03});
        assertEquals("slices", t.pairing());
        assertTrue(LossTable.markdown(t, SETTINGS, 1).contains("not independent samples"));
    }

    @Test
    void modelOutcomesCountDivergedModelsAsZeroAndShareBelowStrictly() {
        List<TrialResult> results = List.of(result("rrw", 0, 0.9), result("rrw", 1, 0.7), result("rrw", 2, 0.95), diverged("rrw", 3));
        ModelOutcomes o = ModelOutcomes.of("rrw", results);
        // mean foreground Dice = (d + 0.5) / 2
        assertArrayEquals(new double[] {0.7, 0.6, 0.725, 0}, o.dice(), 1e-12);
        assertEquals(1, o.diverged());
        assertEquals(0.5, o.below(0.7), 1e-12); // 0.6 and 0; 0.7 itself is not below 0.7
        assertEquals(0.75, o.below(0.71), 1e-12);
        assertEquals((0.6 + 0.7) / 2, o.median(), 1e-12);
        assertEquals(0, o.min());
    }

    @Test
    void fig6CurvesAverageTheRunsThatReachedEachEpoch() {
        List<TrialResult> results = List.of(result("gradual-ce-rrw", 0, 0.9), result("gradual-ce-rrw", 1, 0.7), diverged("gradual-ce-rrw", 2));
        Fig6.MeanCurve c = Fig6.curve("gradual-ce-rrw", results);
        assertArrayEquals(new double[] {1, 3}, c.epochs());
        assertArrayEquals(new double[] {(0.3 + 0.3 + 0.1) / 3, (0.7 + 0.6) / 2}, c.meanDice(), 1e-12);
        assertArrayEquals(new int[] {3, 2}, c.runs());
        assertEquals("rrw", Fig6.mapOf("gradual-ce-rrw"));
        assertEquals("rw-boundary", Fig6.mapOf("equal-dice-rw-boundary"));
        assertEquals(8, Fig6.defaultLosses().size());
    }

    @Test
    void claimsSayPlainlyWhenThisDataDoesNotShowThePaper() {
        ModelOutcomes rrw = new ModelOutcomes("rrw", List.of("a", "b"), new double[] {0.95, 0.85}, 0);
        ModelOutcomes boundary = new ModelOutcomes("rw-boundary", List.of("c", "d"), new double[] {0.9, 0.92}, 0);
        List<PaperClaims.Claim> claims = PaperClaims.fig5(List.of(boundary, rrw), 20);
        assertEquals(PaperClaims.Verdict.NOT_SHOWN, claims.get(0).verdict(), claims.get(0).measured()); // one RRW model below 0.9
        assertEquals(PaperClaims.Verdict.NOT_SHOWN, claims.get(1).verdict()); // no RW-Boundary model stuck
        assertEquals(PaperClaims.Verdict.NOT_SHOWN, claims.get(2).verdict()); // medians 0.90 vs 0.91
        String report = PaperReport.markdown(claims, List.of(), List.of());
        assertTrue(report.contains("3 of 3 claims are NOT shown by this data"), report);
    }
}
