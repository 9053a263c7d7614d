package org.regionwise.losses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plain double-precision loops for every loss's value, written from the definitions (SPEC.md section 4
 * and the papers), independent of the autodiff code: the tests hold each loss's value against these and
 * its gradient against finite differences. Layout: logits and maps (B, C, N), labels (B, N).
 */
final class ReferenceLosses {
    private ReferenceLosses() {}

    /** A batch in double: logits, labels, sizes. */
    record Batch(double[] x, int[] labels, int batch, int classes, int pixels) {
        static Batch of(float[] logits, int[] labels, int batch, int classes, int pixels) {
            double[] x = new double[logits.length];
            for (int i = 0; i < x.length; i++) x[i] = logits[i];
            return new Batch(x, labels, batch, classes, pixels);
        }

        int at(int b, int c, int i) { return (b * classes + c) * pixels + i; }
        int label(int b, int i) { return labels[b * pixels + i]; }
        double y(int b, int c, int i) { return label(b, i) == c ? 1 : 0; }

        double[] softmax() {
            double[] s = new double[x.length];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < pixels; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) max = Math.max(max, x[at(b, c, i)]);
                    double sum = 0;
                    for (int c = 0; c < classes; c++) sum += Math.exp(x[at(b, c, i)] - max);
                    for (int c = 0; c < classes; c++) s[at(b, c, i)] = Math.exp(x[at(b, c, i)] - max) / sum;
                }
            }
            return s;
        }

        double logSoftmax(int b, int c, int i) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) max = Math.max(max, x[at(b, k, i)]);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += Math.exp(x[at(b, k, i)] - max);
            return x[at(b, c, i)] - max - Math.log(sum);
        }

        int count(int b, int c) {
            int n = 0;
            for (int i = 0; i < pixels; i++) if (label(b, i) == c) n++;
            return n;
        }
    }

    static double rw(Batch d, float[] z, boolean squared) {
        double[] s = d.softmax();
        double acc = 0;
        for (int i = 0; i < s.length; i++) acc += (squared ? s[i] * s[i] : s[i]) * z[i];
        return acc / s.length;
    }

    static double ce(Batch d) {
        double acc = 0;
        for (int b = 0; b < d.batch; b++) for (int i = 0; i < d.pixels; i++) acc -= d.logSoftmax(b, d.label(b, i), i);
        return acc / (d.batch * d.pixels);
    }

    static double weightedCe(Batch d, float[] z) {
        double acc = 0;
        for (int b = 0; b < d.batch; b++) {
            for (int i = 0; i < d.pixels; i++) {
                int t = d.label(b, i);
                acc -= Math.abs(z[d.at(b, t, i)]) * d.logSoftmax(b, t, i);
            }
        }
        return acc / (d.batch * d.pixels);
    }

    static double focal(Batch d, double gamma) {
        double acc = 0;
        for (int b = 0; b < d.batch; b++) {
            for (int i = 0; i < d.pixels; i++) {
                int t = d.label(b, i);
                double logS = d.logSoftmax(b, t, i);
                acc -= Math.pow(1 - Math.exp(logS), gamma) * logS;
            }
        }
        return acc / (d.batch * d.pixels);
    }

    /** Sums over pixels (per image) or over batch and pixels of sy, s (or s^2), y, for class c of image b. */
    private static double[] sums(Batch d, double[] s, int b, int c, boolean overBatch, boolean squared) {
        double sy = 0;
        double ss = 0;
        double yy = 0;
        for (int bb = overBatch ? 0 : b; bb < (overBatch ? d.batch : b + 1); bb++) {
            for (int i = 0; i < d.pixels; i++) {
                double p = s[d.at(bb, c, i)];
                double y = d.y(bb, c, i);
                sy += p * y;
                ss += squared ? p * p : p;
                yy += y;
            }
        }
        return new double[] {sy, ss, yy};
    }

    static double dice(Batch d, DiceLoss.Options o) {
        double[] s = d.softmax();
        double acc = 0;
        int terms = 0;
        for (int b = 0; b < (o.batchDice() ? 1 : d.batch); b++) {
            for (int c = o.includeBackground() ? 0 : 1; c < d.classes; c++) {
                double[] t = sums(d, s, b, c, o.batchDice(), o.squaredDenominator());
                acc += (2 * t[0] + o.smoothNumerator()) / (t[1] + t[2] + o.smoothDenominator());
                terms++;
            }
        }
        return 1 - acc / terms;
    }

    static double generalizedDice(Batch d) {
        double[] s = d.softmax();
        double acc = 0;
        for (int b = 0; b < d.batch; b++) {
            double[] w = new double[d.classes];
            double largest = 0;
            for (int c = 0; c < d.classes; c++) {
                int n = d.count(b, c);
                if (n > 0) w[c] = 1.0 / ((double) n * n);
                largest = Math.max(largest, w[c]);
            }
            double num = 0;
            double den = 0;
            for (int c = 0; c < d.classes; c++) {
                double wc = d.count(b, c) > 0 ? w[c] : largest;
                double[] t = sums(d, s, b, c, false, false);
                num += wc * t[0];
                den += wc * (t[1] + t[2]);
            }
            acc += 1 - 2 * num / den;
        }
        return acc / d.batch;
    }

    static double jaccard(Batch d) {
        double[] s = d.softmax();
        double acc = 0;
        for (int b = 0; b < d.batch; b++) {
            for (int c = 0; c < d.classes; c++) {
                double[] t = sums(d, s, b, c, false, false);
                acc += (t[0] + 1e-5) / (t[1] + t[2] - t[0] + 1e-5);
            }
        }
        return 1 - acc / (d.batch * d.classes);
    }

    static double tversky(Batch d, double alpha, double beta) {
        double[] s = d.softmax();
        double acc = 0;
        for (int b = 0; b < d.batch; b++) {
            for (int c = 0; c < d.classes; c++) {
                double tp = 0;
                double fp = 0;
                double fn = 0;
                for (int i = 0; i < d.pixels; i++) {
                    double p = s[d.at(b, c, i)];
                    double y = d.y(b, c, i);
                    tp += p * y;
                    fp += p * (1 - y);
                    fn += (1 - p) * y;
                }
                acc += (tp + 1e-5) / (tp + alpha * fp + beta * fn + 1e-5);
            }
        }
        return 1 - acc / (d.batch * d.classes);
    }

    /** Berman et al.'s lovasz_softmax(per_image=True, classes='present'), transcribed. */
    static double lovasz(Batch d) {
        double[] s = d.softmax();
        double total = 0;
        for (int b = 0; b < d.batch; b++) {
            List<Double> losses = new ArrayList<>();
            for (int c = 0; c < d.classes; c++) {
                if (d.count(b, c) == 0) continue;
                int bb = b;
                int cc = c;
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < d.pixels; i++) order.add(i);
                order.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(d.y(bb, cc, i) - s[d.at(bb, cc, i)])));
                double gts = d.count(b, c);
                double[] jaccard = new double[d.pixels];
                double cumFg = 0;
                for (int r = 0; r < d.pixels; r++) {
                    cumFg += d.y(b, c, order.get(r));
                    double intersection = gts - cumFg;
                    double union = gts + (r + 1 - cumFg);
                    jaccard[r] = 1 - intersection / union;
                }
                for (int r = d.pixels - 1; r > 0; r--) jaccard[r] -= jaccard[r - 1];
                double loss = 0;
                for (int r = 0; r < d.pixels; r++) {
                    int i = order.get(r);
                    loss += Math.abs(d.y(b, c, i) - s[d.at(b, c, i)]) * jaccard[r];
                }
                losses.add(loss);
            }
            total += losses.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
        return total / d.batch;
    }

    /** Mean over (image, class from {@code firstClass}, pixel) of s * phi. */
    static double boundary(Batch d, float[] phi, int firstClass) {
        double[] s = d.softmax();
        double acc = 0;
        for (int b = 0; b < d.batch; b++) {
            for (int c = firstClass; c < d.classes; c++) {
                for (int i = 0; i < d.pixels; i++) acc += s[d.at(b, c, i)] * phi[d.at(b, c, i)];
            }
        }
        return acc / (d.batch * (d.classes - firstClass) * d.pixels);
    }

    /** Chen et al.'s region terms (c1 = 1, c2 = 0) and aligned-difference length, per foreground class, as means. */
    static double activeContour(Batch d, int h, int w, double lambda, double mu) {
        double[] s = d.softmax();
        double region = 0;
        double length = 0;
        for (int b = 0; b < d.batch; b++) {
            for (int c = 1; c < d.classes; c++) {
                for (int i = 0; i < d.pixels; i++) {
                    double u = s[d.at(b, c, i)];
                    double v = d.y(b, c, i);
                    region += u * (v - 1) * (v - 1) + (1 - u) * v * v;
                }
                for (int r = 0; r + 1 < h; r++) {
                    for (int q = 0; q + 1 < w; q++) {
                        double here = s[d.at(b, c, r * w + q)];
                        double dx = s[d.at(b, c, (r + 1) * w + q)] - here;
                        double dy = s[d.at(b, c, r * w + q + 1)] - here;
                        length += Math.sqrt(dx * dx + dy * dy + 1e-8);
                    }
                }
            }
        }
        int maps = d.batch * (d.classes - 1);
        double value = lambda * region / (maps * d.pixels);
        if (mu > 0) value += mu * length / (maps * (h - 1) * (w - 1));
        return value;
    }

    /** Karimi: mean over (image, foreground class, pixel) of (s - y)^2 d. */
    static double hausdorff(Batch d, float[] distancePowered) {
        double[] s = d.softmax();
        double acc = 0;
        for (int b = 0; b < d.batch; b++) {
            for (int c = 1; c < d.classes; c++) {
                for (int i = 0; i < d.pixels; i++) {
                    double e = s[d.at(b, c, i)] - d.y(b, c, i);
                    acc += e * e * distancePowered[d.at(b, c, i)];
                }
            }
        }
        return acc / (d.batch * (d.classes - 1) * d.pixels);
    }
}
