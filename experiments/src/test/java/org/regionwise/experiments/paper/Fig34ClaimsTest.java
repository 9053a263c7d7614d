package org.regionwise.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.paper.PaperClaims.Claim;
import org.regionwise.experiments.paper.PaperClaims.Verdict;

/** The Fig. 3 and Fig. 4 claims' verdicts follow their stated rules. */
class Fig34ClaimsTest {

    @Test
    void fig4sSaddleIsShown(@TempDir Path dir) {
        Fig4.Result r = Fig4.run(dir, 0.05, -1, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(Verdict.SHOWN, Fig34Claims.fig4(r).get(0).verdict());
    }

    @Test
    void fig3sVerdictsFollowTheShares() {
        List<Claim> shrinking = Fig34Claims.fig3(result(new double[] {0.6, 0.4, 0.2}));
        assertEquals(Verdict.SHOWN, shrinking.get(0).verdict());
        assertEquals(Verdict.SHOWN, shrinking.get(1).verdict());
        assertEquals(Verdict.SHOWN, shrinking.get(2).verdict(), "RRW: exactly one everywhere");
        assertEquals(Verdict.MIXED, Fig34Claims.fig3(result(new double[] {0.6, 0.7, 0.2})).get(1).verdict());
        assertEquals(Verdict.NOT_SHOWN, Fig34Claims.fig3(result(new double[] {0.6, 0.4, 0.0})).get(1).verdict(), "vanished");
        assertEquals(Verdict.NOT_SHOWN, Fig34Claims.fig3(result(new double[] {0.6, 0.4, 0.0})).get(0).verdict());
    }

    /** One rw-boundary run with these shares of >= 2 negatives at epochs 1, 2, 3 (100 pixels), and one clean rrw run. */
    private static Fig3.Result result(double[] shares) {
        List<Fig3.Point> points = new java.util.ArrayList<>();
        for (int e = 0; e < shares.length; e++) {
            long two = Math.round(100 * shares[e]);
            points.add(new Fig3.Point("rw-boundary", 1, 0, e + 1, new long[] {0, 100 - two, two}, null, null));
            points.add(new Fig3.Point("rrw", 1, 0, e + 1, new long[] {0, 100, 0}, null, null));
        }
        return new Fig3.Result(points, List.of());
    }
}
