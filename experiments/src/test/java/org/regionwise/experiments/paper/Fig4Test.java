package org.regionwise.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.autodiff.Tensor;
import org.regionwise.losses.CrossEntropyLoss;
import org.regionwise.losses.Target;

/** Fig. 4: the saddle point where the analysis puts it, the gradients' signs and shapes, the files written. */
class Fig4Test {

    @Test
    void theSaddleFoundOnTheGridIsTheAnalyticOne(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Fig4.Result r = Fig4.run(dir, 0.02, -1, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        Fig4.Saddle saddle = r.saddle();
        assertEquals(0.5, saddle.sTrue(), 1e-12);
        assertEquals(-0.5, saddle.gradient(), 1e-12, "(z_t - z_o) / 4 with z = (1, 1, -1)");
        assertEquals(saddle.analyticGradient(), saddle.gradient(), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, saddle.point(), 1e-12);
        assertEquals(0, saddle.spread(), 1e-15, "a rectified vector's gradient is constant along s_t = 1/2");
        assertEquals(48 * 49 / 2, r.points().size(), "m = 50: (m - 1)(m - 2) / 2 open-simplex points");

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("fig4 saddle=(0.25,0.25,0.50) s_true=0.5000 rw_gradient=-0.5000"), printed);
        assertTrue(printed.contains("fig4 gradient=rw z=(1.00,1.00,-1.00) points=1176 min=-0.5000"), printed);
        assertTrue(printed.contains("fig4 gradient=ce y=(0,0,1) points=1176 min=-0.9800 max=-0.0400 negative=1.0000"), printed);
        assertEquals(r.lines(), Files.readAllLines(dir.resolve("fig4.txt")));
        List<String> csv = Files.readAllLines(r.csv());
        assertEquals(1 + r.points().size(), csv.size());
        assertEquals("s1,s2,s3_true,rw_grad_x3,ce_grad_x3", csv.get(0));
        BufferedImage png = ImageIO.read(r.png().toFile());
        assertEquals(2 * GradientTriangles.PANEL_WIDTH, png.getWidth());
        assertEquals(GradientTriangles.HEIGHT, png.getHeight());
    }

    @Test
    void anOddGridStillFindsTheSaddleByTheParabola(@TempDir Path dir) {
        Fig4.Result r = Fig4.run(dir, 1.0 / 21, -0.4, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(0.5, r.saddle().sTrue(), 1e-9, "s_t = 1/2 is not on a 1/21 grid; the parabola's vertex is");
        assertEquals(-1.4 / 4, r.saddle().gradient(), 1e-9);
    }

    @Test
    void bothGradientsAreNegativeEverywhereButOnlyRwTurnsAround() {
        List<Fig4.Point> points = Fig4.sweep(new double[] {1, 1, -0.6}, 40);
        for (Fig4.Point p : points) {
            assertTrue(p.rw() < 0 && p.ce() < 0, "the true logit is always pushed up: " + p);
            assertEquals(TrueLogitGradient.rectified(-0.6, 1, p.s3()), p.rw(), 1e-12, "depends on s_t alone");
        }
        // Along s_t: RW falls until s_t = 1/2 and rises after it; CE rises all the way.
        double previousRw = 0, previousCe = -1;
        for (int i = 1; i <= 38; i++) {
            double st = i / 40.0;
            double[] s = {(1 - st) / 2, (1 - st) / 2, st};
            double rw = TrueLogitGradient.rw(s, new double[] {1, 1, -0.6}, 2), ce = TrueLogitGradient.crossEntropy(s, 2);
            if (i > 1) assertTrue(st <= 0.5 ? rw < previousRw : rw > previousRw, "RW at s_t = " + st);
            assertTrue(ce > previousCe, "CE at s_t = " + st);
            previousRw = rw;
            previousCe = ce;
        }
        // Where the true class is nearly absent, RW's gradient is small although the error is largest: CE's is not.
        double[] far = {0.49, 0.49, 0.02};
        assertTrue(Math.abs(TrueLogitGradient.rw(far, new double[] {1, 1, -1}, 2)) < 0.05);
        assertEquals(-0.98, TrueLogitGradient.crossEntropy(far, 2), 1e-12);
    }

    @Property(tries = 200)
    void crossEntropysClosedFormIsTheAutodiffGradient(@ForAll @DoubleRange(min = -4, max = 4) double x1,
                                                      @ForAll @DoubleRange(min = -4, max = 4) double x2,
                                                      @ForAll @DoubleRange(min = -4, max = 4) double x3) {
        Tensor logits = Tensor.of(new float[] {(float) x1, (float) x2, (float) x3}, 1, 3, 1, 1).requiresGrad(true);
        new CrossEntropyLoss().forward(logits, Target.of(new int[] {2}, 1, 1, 1, 3)).backward();
        double[] x = {(float) x1, (float) x2, (float) x3};
        double max = Math.max(x[0], Math.max(x[1], x[2]));
        double sum = Math.exp(x[0] - max) + Math.exp(x[1] - max) + Math.exp(x[2] - max);
        double[] s = {Math.exp(x[0] - max) / sum, Math.exp(x[1] - max) / sum, Math.exp(x[2] - max) / sum};
        assertEquals(TrueLogitGradient.crossEntropy(s, 2), logits.grad().toArray()[2], 1e-5);
    }

    @Test
    void badArgumentsAreRefused(@TempDir Path dir) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        assertThrows(IllegalArgumentException.class, () -> Fig4.run(dir, 0.25, -1, quiet));
        assertThrows(IllegalArgumentException.class, () -> Fig4.run(dir, 0.01, 0, quiet));
        assertThrows(IllegalArgumentException.class, () -> Fig4.run(dir, 0.01, -1.5, quiet));
    }
}
