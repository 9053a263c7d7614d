package org.regionwise.experiments.eval;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;

/**
 * An obviously-correct twin of {@link SegmentationMetrics}, independent of it and of the maps
 * module: surfaces by looking at every neighbour offset, directed distances by a double loop over
 * pairs of surface voxels, percentiles by Commons Math's R_7 (numpy's linear). Quadratic: small
 * volumes only.
 */
final class BruteForceMetrics {

    private BruteForceMetrics() {
    }

    /** The metrics of one binary segmentation, as {@code {dice, hd, hd95Pooled, hd95, assd, assdPooled}}. */
    static double[] of(boolean[] prediction, boolean[] reference, Grid grid, Connectivity connectivity) {
        int both = 0;
        int p = 0;
        int r = 0;
        for (int i = 0; i < prediction.length; i++) {
            p += prediction[i] ? 1 : 0;
            r += reference[i] ? 1 : 0;
            both += prediction[i] && reference[i] ? 1 : 0;
        }
        double dice = 2.0 * both / (p + r);
        List<int[]> sp = surface(prediction, grid, connectivity);
        List<int[]> sr = surface(reference, grid, connectivity);
        double[] a = directed(sp, sr, grid);
        double[] b = directed(sr, sp, grid);
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double hd = Math.max(max(a), max(b));
        double hd95Pooled = p95(pooled);
        double hd95 = Math.max(p95(a), p95(b));
        double assd = (mean(a) + mean(b)) / 2;
        double assdPooled = mean(pooled);
        return new double[] {dice, hd, hd95Pooled, hd95, assd, assdPooled};
    }

    /** Coordinates (3 entries, d = 0 in 2D) of each mask voxel with a neighbour outside the mask or the array. */
    static List<int[]> surface(boolean[] mask, Grid grid, Connectivity connectivity) {
        int depth = grid.rank() == 3 ? grid.dim(0) : 1;
        int height = grid.dim(grid.rank() - 2);
        int width = grid.dim(grid.rank() - 1);
        int dSpan = grid.rank() == 3 ? 1 : 0;
        List<int[]> out = new ArrayList<>();
        for (int d = 0; d < depth; d++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++) {
                    if (!mask[(d * height + h) * width + w]) {
                        continue;
                    }
                    boolean onSurface = false;
                    for (int dd = -dSpan; dd <= dSpan; dd++) {
                        for (int dh = -1; dh <= 1; dh++) {
                            for (int dw = -1; dw <= 1; dw++) {
                                int changed = Math.abs(dd) + Math.abs(dh) + Math.abs(dw);
                                if (changed == 0 || changed > connectivity.maxChangedAxes()) {
                                    continue;
                                }
                                int nd = d + dd;
                                int nh = h + dh;
                                int nw = w + dw;
                                boolean outsideArray = nd < 0 || nd >= depth || nh < 0 || nh >= height || nw < 0
                                        || nw >= width;
                                if (outsideArray || !mask[(nd * height + nh) * width + nw]) {
                                    onSurface = true;
                                }
                            }
                        }
                    }
                    if (onSurface) {
                        out.add(new int[] {d, h, w});
                    }
                }
            }
        }
        return out;
    }

    private static double[] directed(List<int[]> from, List<int[]> to, Grid grid) {
        double[] s = grid.rank() == 3 ? grid.spacing() : new double[] {1, grid.spacing(0), grid.spacing(1)};
        double[] out = new double[from.size()];
        for (int i = 0; i < from.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int[] t : to) {
                double sq = 0;
                for (int a = 0; a < 3; a++) {
                    double diff = (from.get(i)[a] - t[a]) * s[a];
                    sq += diff * diff;
                }
                best = Math.min(best, Math.sqrt(sq));
            }
            out[i] = best;
        }
        return out;
    }

    private static double p95(double[] values) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, 95);
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
