package org.regionwise.gpu.kernels;

import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/**
 * The chunked per-channel statistics as plain Java against the obviously correct double-precision sums they stand
 * for (two-pass mean and biased variance; sum dy and sum dy * xhat), on channels of 1 to 1,800 values (one to eight
 * chunks, the last one short, runs crossing image boundaries). Float partial sums against double ones: the
 * allowance grows with the values per channel, as the other kernel tests'.
 */
class ChannelStatsKernelsProperties {

    @Property(tries = 60)
    void statisticsAndGradientSumsMatchDoubleSums(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                                                  @ForAll @IntRange(min = 1, max = 600) int plane, @ForAll boolean storeVar,
                                                  @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int count = n * c * plane;
        int perChannel = n * plane;
        float eps = 1e-5f;
        HeapImage image = new HeapImage(0, seed);
        int x = image.region(count, -2f, 3f);
        int dy = image.region(count);
        int mean = image.region(c);
        int var = image.region(c);
        int invStd = image.region(c);
        int sums = image.region(2 * c);
        int partials = image.region(Math.max(ChannelStatsKernels.statsPartials(n, c, plane), ChannelStatsKernels.gradientPartials(n, c, plane)));
        float[] heap = image.toArray();
        float[] untouchedVar = slice(heap, var, c);

        double[] meanRef = new double[c];
        double[] varRef = new double[c];
        float[] invStdRef = new float[c];
        float[] sumsRef = new float[2 * c];
        for (int ch = 0; ch < c; ch++) {
            double s = 0;
            for (int b = 0; b < n; b++) for (int i = 0; i < plane; i++) s += heap[x + (b * c + ch) * plane + i];
            double mu = s / perChannel;
            double sq = 0;
            for (int b = 0; b < n; b++) for (int i = 0; i < plane; i++) sq += Math.pow(heap[x + (b * c + ch) * plane + i] - mu, 2);
            meanRef[ch] = mu;
            varRef[ch] = sq / perChannel;
            double rs = 1 / Math.sqrt(varRef[ch] + eps);
            invStdRef[ch] = (float) rs;
            double sg = 0;
            double sgx = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < plane; i++) {
                    int at = (b * c + ch) * plane + i;
                    sg += heap[dy + at];
                    sgx += heap[dy + at] * (heap[x + at] - mu) * rs;
                }
            }
            sumsRef[ch] = (float) sg;
            sumsRef[c + ch] = (float) sgx;
        }

        for (Launch l : ChannelStatsKernels.statsLaunches(n, c, plane, eps, x, mean, storeVar ? var : -1, invStd, partials)) l.runOn(heap);
        for (Launch l : ChannelStatsKernels.gradientSumsLaunches(n, c, plane, x, dy, mean, invStd, sums, partials)) l.runOn(heap);

        Tolerance tol = new Tolerance(2e-6 * perChannel, 1e-4);
        tol.assertClose("mean", toFloat(meanRef), slice(heap, mean, c));
        tol.assertClose("invStd", invStdRef, slice(heap, invStd, c));
        if (storeVar) {
            tol.assertClose("var", toFloat(varRef), slice(heap, var, c));
        } else {
            new Tolerance(0, 0).assertClose("var must not be written when not asked for", untouchedVar, slice(heap, var, c));
        }
        tol.assertClose("sum dy, sum dy * xhat", sumsRef, slice(heap, sums, 2 * c));
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
