package org.regionwise.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.stats.ConvergenceCdf;

/** The XChart plots: each writes a readable PNG of exactly the size asked, and refuses bad input. */
class ChartPlotsTest {
    @TempDir
    Path dir;

    @Test
    void learningCurvesWithSparseValidationAndUndefinedDice() throws IOException {
        LearningCurves curves = new LearningCurves(List.of("cortex", "deep grey", "cerebellum"));
        for (int e = 0; e < 6; e++) {
            curves.addTrainingLoss(e, 0.5 - 0.3 * e); // Region-wise losses go negative
            if (e % 2 == 0) {
                curves.addValidationLoss(e, 0.4 - 0.2 * e);
                curves.addValidationDice(e, new double[] {0.2 + 0.1 * e, e == 0 ? Double.NaN : 0.05 * e, 0.3});
            }
        }
        Path png = dir.resolve("curves.png");
        LearningCurvePlot.write(png, curves, 640, 480);
        assertTrue(PngAssertions.hasContent(PngAssertions.readPng(png, 640, 480)));
        assertEquals(List.of(0.3, 0.3, 0.3), curves.dice(2).stream().map(LearningCurves.Point::value).toList());
        assertEquals(2, curves.dice(1).size(), "the undefined value is left out");
    }

    @Test
    void learningCurvesBeforeAnyValidationStillDraw() throws IOException {
        LearningCurves curves = new LearningCurves(List.of("tumour"));
        curves.addTrainingLoss(0, 1.0);
        Path png = dir.resolve("first-epoch.png");
        LearningCurvePlot.write(png, curves);
        PngAssertions.readPng(png, LearningCurvePlot.DEFAULT_WIDTH, LearningCurvePlot.DEFAULT_HEIGHT);
    }

    @Test
    void learningCurvesRefuseBadRecords() {
        LearningCurves curves = new LearningCurves(List.of("a"));
        curves.addTrainingLoss(3, 1);
        assertThrows(IllegalArgumentException.class, () -> curves.addTrainingLoss(3, 1), "epochs must increase");
        assertThrows(IllegalArgumentException.class, () -> curves.addTrainingLoss(4, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> curves.addValidationDice(1, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> curves.addValidationDice(1, new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> new LearningCurves(List.of("a", "a")));
        assertThrows(IllegalArgumentException.class,
                () -> LearningCurvePlot.write(dir.resolve("x.png"), new LearningCurves(List.of())), "nothing recorded");
        assertThrows(IllegalArgumentException.class, () -> LearningCurvePlot.write(dir.resolve("x.png"), curves, 50, 480));
    }

    @Test
    void ecdfPlotOfTwoLosses() throws IOException {
        Map<String, double[]> dice = new LinkedHashMap<>();
        dice.put("rw-boundary", new double[] {0.61, 0.70, 0.70, 0.82});
        dice.put("rrw", new double[] {0.80, 0.84, 0.85});
        Path png = dir.resolve("cdf.png");
        EcdfPlot.write(png, "convergence", dice, 500, 400);
        assertTrue(PngAssertions.hasContent(PngAssertions.readPng(png, 500, 400)));
        assertThrows(IllegalArgumentException.class, () -> EcdfPlot.write(png, "t", Map.of("x", new double[0])));
        assertThrows(IllegalArgumentException.class, () -> EcdfPlot.write(png, "t", Map.of()));
    }

    @Test
    void ecdfStepsAreTheRightContinuousStepFunction() {
        List<double[]> steps = EcdfPlot.steps(new ConvergenceCdf(new double[] {0.7, 0.5, 0.7, 0.9}), 0.4, 1.0);
        double[][] expected = {{0.4, 0}, {0.5, 0}, {0.5, 0.25}, {0.7, 0.25}, {0.7, 0.75}, {0.9, 0.75}, {0.9, 1}, {1.0, 1}};
        assertEquals(expected.length, steps.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], steps.get(i), 1e-12, "corner " + i);
        }
    }

    @Test
    void diceBarsWithErrorBarsAndUndefinedValues() throws IOException {
        Map<String, double[][]> dice = new LinkedHashMap<>();
        dice.put("rrw", new double[][] {{0.9, 0.92, 0.91}, {0.5, Double.NaN, 0.6}});
        dice.put("dice", new double[][] {{0.88}, {0.4}});
        Path png = dir.resolve("bars.png");
        DiceBarPlot.write(png, "Dice per class", List.of("cortex", "deep grey"), dice, 600, 400);
        assertTrue(PngAssertions.hasContent(PngAssertions.readPng(png, 600, 400)));
        assertThrows(IllegalArgumentException.class,
                () -> DiceBarPlot.write(png, "t", List.of("a"), Map.of("x", new double[][] {{Double.NaN}})));
        assertThrows(IllegalArgumentException.class,
                () -> DiceBarPlot.write(png, "t", List.of("a", "b"), Map.of("x", new double[][] {{0.5}})));
        assertThrows(IllegalArgumentException.class,
                () -> DiceBarPlot.write(png, "t", List.of("a"), Map.of("x", new double[][] {{1.2}})));
    }
}
