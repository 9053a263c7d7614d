package org.regionwise.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.losses.RwGradient;

/** Fig. 2 at a coarse step: RRW is all one-negative, RW-Boundary has two-negative regions; lines, text and PNG written. */
class Fig2Test {

    @Test
    void coarseSweepSeparatesTheMaps(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Fig2.Result result = Fig2.run(dir, 0.05, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        Fig2.MapLine rrw = result.map("rrw");
        Fig2.MapLine boundary = result.map("rw-boundary");
        assertEquals(171, rrw.points(), "(20 - 1)(20 - 2) / 2 interior points");
        assertEquals(1.0, rrw.neg1());
        assertEquals(0.0, rrw.neg2());
        assertTrue(boundary.neg2() > 0, boundary.line());
        assertEquals(0.0, boundary.neg3(), "gradient components sum to 0: never all negative");
        assertEquals(2, result.trueClass());
        assertTrue(result.neg2OverPixels().anyNeg2() > 0 && result.neg2OverPixels().max() >= boundary.neg2());

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("fig2 map=rrw points=171 neg1=1.0000 neg2=0.0000 neg3=0.0000"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches(
                "fig2 map=rw-boundary points=171 neg1=[01]\\.\\d{4} neg2=[01]\\.\\d{4} neg3=[01]\\.\\d{4}")), printed);
        assertEquals(result.lines(), Files.readAllLines(dir.resolve("fig2.txt")));

        BufferedImage png = ImageIO.read(result.png().toFile());
        assertEquals(2 * SimplexImage.PANEL_WIDTH, png.getWidth());
        assertEquals(SimplexImage.PANEL_HEIGHT, png.getHeight());
    }

    @Test
    void inlineSignCountAgreesWithTheLibrarysClosedForm() {
        Random r = new Random(1);
        for (int trial = 0; trial < 10_000; trial++) {
            double[] z = {20 * r.nextDouble() - 10, 20 * r.nextDouble() - 10, 20 * r.nextDouble() - 10};
            double[] s = {r.nextDouble() + 1e-9, r.nextDouble() + 1e-9, r.nextDouble() + 1e-9};
            double sum = s[0] + s[1] + s[2];
            for (int k = 0; k < 3; k++) s[k] /= sum;
            assertEquals(RwGradient.negativeComponents(RwGradient.closedForm(s, z)), SimplexSweep.negatives(s[0], s[1], s[2], z));
        }
    }

    @Test
    void nestedDiscsHaveTheDocumentedClasses() {
        int[] labels = NestedDiscs.labels();
        assertEquals(2, labels[32 * 64 + 32]);
        assertEquals(1, labels[32 * 64 + 32 + 15]);
        assertEquals(0, labels[0]);
    }
}
