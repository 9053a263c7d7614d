package org.regionwise.experiments.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.experiments.study.StudyMetric;

/**
 * The paper's claims, each beside what this run measured and a plain verdict. The verdicts follow fixed rules
 * (stated in each row), so a reader can check them against the tables; "not shown" is reported as plainly as
 * "shown".
 */
public final class PaperClaims {
    /** How a claim fared here. */
    public enum Verdict {
        SHOWN("shown here"), NOT_SHOWN("NOT shown here"), MIXED("partly shown"), NOT_MEASURED("not measured");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One row of the report: where in the paper, what it says, what was measured, the verdict and its rule. */
    public record Claim(String section, String paper, String measured, Verdict verdict, String rule) {}

    private PaperClaims() {}

    /** Fig. 2: RW-Boundary gives two negative components for more than half the simplex; RRW never. */
    public static List<Claim> fig2(Fig2.Result r) {
        Fig2.MapLine b = r.map("rw-boundary"), rrw = r.map("rrw");
        double mean = r.neg2OverPixels().mean();
        Verdict v1 = b.neg2() > 0.5 ? Verdict.SHOWN : mean > 0.5 ? Verdict.MIXED : Verdict.NOT_SHOWN;
        Verdict v2 = rrw.neg2() == 0 && rrw.neg3() == 0 ? Verdict.SHOWN : Verdict.NOT_SHOWN;
        return List.of(
                new Claim("Fig. 2", "more than half of the gradient vectors of the RW-Boundary map have two negative components",
                        f("%.1f%% at the swept pixel; %.1f%% on average over the %d pixels of the label map", 100 * b.neg2(), 100 * mean,
                                r.neg2OverPixels().pixels()), v1, "shown if > 50% at the swept pixel; partly if only the mean over pixels is"),
                new Claim("Fig. 2", "the RRW map gives gradient components of the correct sign for every softmax vector",
                        f("%.1f%% with two, %.1f%% with three negative components", 100 * rrw.neg2(), 100 * rrw.neg3()), v2,
                        "shown if none has two or three"));
    }

    /** Tables 2-4: RRW similar or better than every other loss; Dice loss significantly worse in most metrics. */
    public static List<Claim> table(LossTable.Table t) {
        List<String> worse = new ArrayList<>(), better = new ArrayList<>();
        int tests = 0, diceTests = 0, diceWorse = 0;
        for (String loss : t.losses()) {
            if (loss.equals(t.reference())) continue;
            for (int c = 1; c < t.classNames().size(); c++) {
                for (StudyMetric m : StudyMetric.values()) {
                    LossTable.Cell ref = t.cell(t.reference(), c, m), other = t.cell(loss, c, m);
                    if (other.test() == null) continue;
                    tests++;
                    boolean refBetter = m.higherIsBetter() ? ref.mean() > other.mean() : ref.mean() < other.mean();
                    String where = loss + " " + t.classNames().get(c) + " " + m.key();
                    if (other.test().significant()) (refBetter ? better : worse).add(where);
                    if (loss.equals("dice")) {
                        diceTests++;
                        if (other.test().significant() && refBetter) diceWorse++;
                    }
                }
            }
        }
        String ref = t.reference();
        String measured = f("of %d tests, %s significantly better in %d, significantly worse in %d%s (pairing: %s%s)", tests, ref,
                better.size(), worse.size(), worse.isEmpty() ? "" : ": " + String.join(", ", worse), t.pairing(),
                t.pairing().equals("slices") ? ", not independent" : "");
        List<Claim> out = new ArrayList<>();
        out.add(new Claim("Tables 2-4", ref + " gives similar or better Dice and HD than the other losses", measured,
                tests == 0 ? Verdict.NOT_MEASURED : worse.isEmpty() ? Verdict.SHOWN : better.size() > worse.size() ? Verdict.MIXED : Verdict.NOT_SHOWN,
                "shown if " + ref + " is significantly worse in no test; partly if it wins more tests than it loses"));
        if (diceTests > 0) {
            out.add(new Claim("Tables 2-4", "Dice loss is significantly worse than RRW in almost all metrics and classes",
                    f("significantly worse in %d of %d tests", diceWorse, diceTests),
                    diceWorse * 2 > diceTests ? Verdict.SHOWN : diceWorse > 0 ? Verdict.MIXED : Verdict.NOT_SHOWN,
                    "shown if in more than half the tests; partly if in some"));
        }
        return out;
    }

    /** Fig. 5: every RRW model reaches Dice 0.9; some RW-Boundary models stay near 0.5; RRW higher. */
    public static List<Claim> fig5(List<ModelOutcomes> maps, int epochs) {
        ModelOutcomes rrw = find(maps, "rrw"), b = find(maps, "rw-boundary");
        List<Claim> out = new ArrayList<>();
        if (rrw != null) {
            out.add(new Claim("Fig. 5", "every RRW model reaches mean foreground Dice 0.9 or more",
                    f("%d models of %d epochs: %.0f%% below 0.9, lowest %.3f, median %.3f", rrw.models(), epochs, 100 * rrw.below(0.9),
                            rrw.min(), rrw.median()), rrw.below(0.9) == 0 ? Verdict.SHOWN : Verdict.NOT_SHOWN, "shown if none is below 0.9"));
        }
        if (b != null) {
            out.add(new Claim("Fig. 5", "a fraction of the RW-Boundary models get stuck, around Dice 0.5",
                    f("%d models: %.0f%% below 0.7, lowest %.3f, median %.3f, %d diverged", b.models(), 100 * b.below(0.7), b.min(), b.median(),
                            b.diverged()), b.below(0.7) > 0 ? Verdict.SHOWN : Verdict.NOT_SHOWN, "shown if some model is below 0.7"));
        }
        if (rrw != null && b != null) {
            out.add(new Claim("Fig. 5", "RRW models reach higher Dice than RW-Boundary models",
                    f("median %.3f (RRW) vs %.3f (RW-Boundary)", rrw.median(), b.median()),
                    rrw.median() > b.median() ? Verdict.SHOWN : Verdict.NOT_SHOWN, "shown if RRW's median is higher"));
        }
        return out;
    }

    /** Fig. 6: with an extra loss RW-Boundary converges whatever the strategy; gradual slightly better; RRW invariant. */
    public static List<Claim> fig6(PaperStudies.Fig6Outcome o) {
        List<Claim> out = new ArrayList<>();
        List<ModelOutcomes> boundary = new ArrayList<>(), rrw = new ArrayList<>();
        List<Fig6.MeanCurve> bCurves = new ArrayList<>(), rCurves = new ArrayList<>();
        for (int i = 0; i < o.losses().size(); i++) {
            String map = Fig6.mapOf(o.losses().get(i));
            if (map.equals("rw-boundary") && !o.losses().get(i).equals(map)) {
                boundary.add(o.finals().get(i));
                bCurves.add(o.curves().get(i));
            } else if (map.equals("rrw") && !o.losses().get(i).equals(map)) {
                rrw.add(o.finals().get(i));
                rCurves.add(o.curves().get(i));
            }
        }
        if (!boundary.isEmpty()) {
            double worst = 0;
            int models = 0;
            for (ModelOutcomes m : boundary) {
                worst = Math.max(worst, m.below(0.7));
                models += m.models();
            }
            out.add(new Claim("Fig. 6 (c)", "with an extra loss (any strategy), RW-Boundary models converge",
                    f("%d models over %d strategies, %d epochs: the worst strategy has %.0f%% below Dice 0.7", models, boundary.size(), o.epochs(),
                            100 * worst), worst == 0 ? Verdict.SHOWN : Verdict.NOT_SHOWN, "shown if no model is below 0.7"));
            double gradual = meanFinal(bCurves, "gradual"), equal = meanFinal(bCurves, "equal");
            if (!Double.isNaN(gradual) && !Double.isNaN(equal)) {
                out.add(new Claim("Fig. 6 (a)", "gradual strategies give slightly higher Dice than equal ones (RW-Boundary)",
                        f("final mean Dice %.3f (gradual) vs %.3f (equal)", gradual, equal),
                        gradual > equal ? Verdict.SHOWN : Verdict.NOT_SHOWN, "shown if the gradual mean is higher"));
            }
        }
        if (rCurves.size() > 1) {
            double rs = spread(rCurves), bs = bCurves.size() > 1 ? spread(bCurves) : Double.NaN;
            out.add(new Claim("Fig. 6 (b)", "RRW is invariant to the strategy",
                    f("final mean Dice spread over strategies %.3f (RRW)%s", rs, Double.isNaN(bs) ? "" : f(" vs %.3f (RW-Boundary)", bs)),
                    rs <= 0.02 ? Verdict.SHOWN : !Double.isNaN(bs) && rs < bs ? Verdict.MIXED : Verdict.NOT_SHOWN,
                    "shown if the spread is at most 0.02; partly if only smaller than RW-Boundary's"));
        }
        return out;
    }

    private static double meanFinal(List<Fig6.MeanCurve> curves, String prefix) {
        double s = 0;
        int n = 0;
        for (Fig6.MeanCurve c : curves) {
            if (c.loss().startsWith(prefix + "-") && !Double.isNaN(c.last())) {
                s += c.last();
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static double spread(List<Fig6.MeanCurve> curves) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Fig6.MeanCurve c : curves) {
            if (Double.isNaN(c.last())) continue;
            lo = Math.min(lo, c.last());
            hi = Math.max(hi, c.last());
        }
        return hi >= lo ? hi - lo : Double.NaN;
    }

    private static ModelOutcomes find(List<ModelOutcomes> maps, String loss) {
        for (ModelOutcomes m : maps) if (m.loss().equals(loss)) return m;
        return null;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
