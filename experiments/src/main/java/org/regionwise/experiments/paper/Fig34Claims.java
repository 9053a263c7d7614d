package org.regionwise.experiments.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import org.regionwise.experiments.paper.PaperClaims.Claim;
import org.regionwise.experiments.paper.PaperClaims.Verdict;

/**
 * The claims of the paper's Fig. 3 and Fig. 4 beside what {@link Fig3} and {@link Fig4} measured, with
 * {@link PaperClaims}'s fixed-rule verdicts, for {@code paper all}'s report.
 */
public final class Fig34Claims {
    private Fig34Claims() {}

    /**
     * Fig. 4: cross entropy's gradient grows more negative the farther the softmax is from the label; the RW
     * gradient behaves alike up to a saddle point at {@code s_t = 1/2}, where it starts increasing.
     */
    public static List<Claim> fig4(Fig4.Result r) {
        Fig4.Saddle s = r.saddle();
        boolean atHalf = Math.abs(s.sTrue() - s.analyticSTrue()) < 1e-6 && Math.abs(s.gradient() - s.analyticGradient()) < 1e-9;
        return List.of(new Claim("Fig. 4",
                "RW gradients of the true logit behave like cross entropy's until a saddle point at the centre (s_t = 1/2), "
                        + "then increase; cross entropy's keep growing with the error",
                String.format(Locale.ROOT, "turning point found on the grid at s_t = %.4f (RW gradient %.4f; analytic %.4f, %.4f), "
                                + "flat along that line (spread %.1e); cross entropy from %.4f to %.4f, no turning point",
                        s.sTrue(), s.gradient(), s.analyticSTrue(), s.analyticGradient(), s.spread(), r.ce().min(), r.ce().max()),
                atHalf ? Verdict.SHOWN : Verdict.NOT_SHOWN, "shown if the grid's most negative RW level is s_t = 1/2 (to 1e-6)"));
    }

    /**
     * Fig. 3: RW-Boundary maps give pixels two or more negative components, in regions that shrink during
     * training but do not vanish; RRW gives exactly one everywhere.
     */
    public static List<Claim> fig3(Fig3.Result r) {
        SortedMap<Integer, double[]> boundary = meanByEpoch(r, "rw-boundary");
        List<Claim> out = new ArrayList<>();
        if (boundary.isEmpty()) {
            out.add(new Claim("Fig. 3", "RW-Boundary maps give gradients with several negative components", "no rw-boundary run measured",
                    Verdict.NOT_MEASURED, "needs rw-boundary in --losses"));
        } else {
            List<String> shares = new ArrayList<>();
            boolean allPositive = true, shrinking = true;
            double previous = Double.POSITIVE_INFINITY, first = Double.NaN, last = Double.NaN;
            for (var e : boundary.entrySet()) {
                double share = e.getValue()[0] / e.getValue()[1];
                shares.add(String.format(Locale.ROOT, "epoch %d: %.1f%%", e.getKey(), 100 * share));
                allPositive &= share > 0;
                shrinking &= share <= previous;
                previous = share;
                if (Double.isNaN(first)) first = share;
                last = share;
            }
            String measured = "share of validation pixels with >= 2 negatives, mean over runs: " + String.join(", ", shares);
            out.add(new Claim("Fig. 3", "RW-Boundary maps give gradient vectors with two or more negative components", measured,
                    allPositive ? Verdict.SHOWN : Verdict.NOT_SHOWN, "shown if the share is above 0 at every time point"));
            out.add(new Claim("Fig. 3", "those regions start large and progressively shrink, but do not completely disappear", measured,
                    boundary.size() < 2 ? Verdict.NOT_MEASURED : shrinking && last > 0 ? Verdict.SHOWN : last < first && last > 0
                            ? Verdict.MIXED : Verdict.NOT_SHOWN,
                    "shown if the share never grows from one time point to the next and stays above 0; partly if it only ends lower"));
        }
        SortedMap<Integer, double[]> rrw = meanByEpoch(r, "rrw");
        if (!rrw.isEmpty()) {
            boolean one = r.points().stream().filter(p -> p.loss().equals("rrw") && p.histogram() != null).allMatch(p -> p.share(1) == 1);
            out.add(new Claim("Fig. 3 / Sec. 3.3", "with the rectified (RRW) map every pixel has exactly one negative component",
                    one ? "exactly one at every validation pixel, every run and time point" : "some pixel had another count",
                    one ? Verdict.SHOWN : Verdict.NOT_SHOWN, "shown if every measured pixel has exactly one"));
        }
        return out;
    }

    /** Per epoch: (sum over runs of the share with >= 2 negatives, number of runs measured). */
    private static SortedMap<Integer, double[]> meanByEpoch(Fig3.Result r, String loss) {
        SortedMap<Integer, double[]> byEpoch = new TreeMap<>();
        for (Fig3.Point p : r.points()) {
            if (!p.loss().equals(loss) || p.histogram() == null) continue;
            double[] acc = byEpoch.computeIfAbsent(p.epoch(), e -> new double[2]);
            acc[0] += p.twoOrMore();
            acc[1]++;
        }
        return byEpoch;
    }
}
