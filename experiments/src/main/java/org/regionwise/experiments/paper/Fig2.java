package org.regionwise.experiments.paper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;
import org.regionwise.maps.RegionMaps;
import org.regionwise.experiments.io.AtomicFile;

/**
 * Fig. 2 of the paper (SPEC.md section 7): for a three-class pixel, sweep the open simplex of softmax
 * vectors and count the gradient vectors of the RW loss with 1, 2 or 3 negative components, for an
 * RW-Boundary map vector and for the RRW vector of the same pixel.
 *
 * <p>Setup, all deterministic: the label map is {@link NestedDiscs} (64 x 64, background, a class-1 disc of
 * radius 24 and a concentric class-2 disc of radius 10, centred at (32, 32)); the pixel is that centre,
 * whose true class is 2 (the paper's "class 3"); the RW-Boundary map uses the RW reference code's convention
 * ({@link MapKind#BOUNDARY}, {@code edt(~S)*~S - edt(S)*S}, unit spacing); the simplex grid has step
 * {@value #STEP} (open simplex: 19701 points). Negative components come from the closed form of SPEC.md
 * section 1. Also measured: over every pixel of the label map, the fraction of simplex points whose
 * RW-Boundary gradient has two negatives (mean, median, max over pixels, and the fraction of pixels where
 * it is above 0).
 *
 * <p>Prints, and returns in a {@link Result}: one line per map,
 * {@code fig2 map=<name> points=<n> neg1=<fraction> neg2=<fraction> neg3=<fraction>}, then a
 * {@code fig2 neg2-over-pixels ...} line; writes {@code fig2.png} (the two simplices coloured by the number
 * of negative components) and {@code fig2.txt} (the printed lines) into the output folder.
 */
public final class Fig2 {
    /** The simplex grid step. */
    public static final double STEP = 0.005;
    /** The pixel swept, (row, column). */
    static final int[] PIXEL = {NestedDiscs.CENTRE, NestedDiscs.CENTRE};

    private Fig2() {}

    /** One map's sweep. */
    public record MapLine(String map, double[] z, long points, double neg1, double neg2, double neg3) {
        public String line() {
            return String.format(Locale.ROOT, "fig2 map=%s points=%d neg1=%.4f neg2=%.4f neg3=%.4f", map, points, neg1, neg2, neg3);
        }
    }

    /** How often the RW-Boundary vectors of all pixels give two negatives. */
    public record Neg2OverPixels(String map, int pixels, double mean, double median, double max, double anyNeg2) {
        public String line() {
            return String.format(Locale.ROOT, "fig2 neg2-over-pixels map=%s pixels=%d mean=%.4f median=%.4f max=%.4f anyNeg2=%.4f",
                    map, pixels, mean, median, max, anyNeg2);
        }
    }

    /** Everything Fig. 2 measured, and where the picture went. */
    public record Result(double step, String labelMap, int[] pixel, int trueClass, List<MapLine> maps,
                         Neg2OverPixels neg2OverPixels, Path png) {
        /** The printed lines, in order. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (MapLine m : maps) lines.add(m.line());
            lines.add(neg2OverPixels.line());
            return lines;
        }

        public MapLine map(String name) {
            return maps.stream().filter(m -> m.map().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("fig2 has no map " + name));
        }
    }

    /** Fig. 2 at step {@value #STEP}, printed to standard output, files into {@code outDir}. */
    public static Result run(Path outDir) {
        return run(outDir, STEP, System.out);
    }

    /**
     * Fig. 2 at the given simplex step ({@code 1/m}, m an integer >= 3).
     *
     * @throws UncheckedIOException when the output folder or files cannot be written
     */
    public static Result run(Path outDir, double step, PrintStream out) {
        int divisions = SimplexSweep.divisions(step);
        int[] labels = NestedDiscs.labels();
        Grid grid = Grid.of(NestedDiscs.SIZE, NestedDiscs.SIZE);
        MapOptions options = MapOptions.defaults();
        float[] boundary = RegionMaps.compute(MapKind.BOUNDARY, labels, grid, NestedDiscs.CLASSES, options);
        float[] rrw = RegionMaps.compute(MapKind.RRW, labels, grid, NestedDiscs.CLASSES, options);
        int pixel = PIXEL[0] * NestedDiscs.SIZE + PIXEL[1];

        List<MapLine> maps = List.of(
                sweep("rw-boundary", vector(boundary, pixel), divisions),
                sweep("rrw", vector(rrw, pixel), divisions));
        Neg2OverPixels overPixels = neg2OverPixels("rw-boundary", boundary, divisions);

        try {
            Files.createDirectories(outDir);
            Path png = outDir.resolve("fig2.png");
            List<SimplexImage.Panel> panels = new ArrayList<>();
            for (MapLine m : maps) {
                panels.add(new SimplexImage.Panel(String.format(Locale.ROOT, "%s z=%s  neg2=%.3f", m.map(), format(m.z()), m.neg2()), m.z()));
            }
            SimplexImage.write(SimplexImage.render(panels), png);
            Result result = new Result(step, NestedDiscs.describe(), PIXEL.clone(), labels[pixel], maps, overPixels, png);
            AtomicFile.writeString(outDir.resolve("fig2.txt"), String.join("\n", result.lines()) + "\n");
            for (String line : result.lines()) out.println(line);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("fig2: cannot write into " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static MapLine sweep(String name, double[] z, int divisions) {
        SimplexSweep.Counts c = SimplexSweep.sweep(z, divisions);
        return new MapLine(name, z, c.points(), c.fraction(1), c.fraction(2), c.fraction(3));
    }

    /** The RW-Boundary two-negatives fraction of every pixel of the map, summarised. */
    private static Neg2OverPixels neg2OverPixels(String name, float[] map, int divisions) {
        int n = map.length / NestedDiscs.CLASSES;
        double[] fractions = new double[n];
        double sum = 0;
        int positive = 0;
        for (int i = 0; i < n; i++) {
            fractions[i] = SimplexSweep.twoNegativesFraction(vector(map, i), divisions);
            sum += fractions[i];
            if (fractions[i] > 0) positive++;
        }
        Arrays.sort(fractions);
        double median = n % 2 == 1 ? fractions[n / 2] : (fractions[n / 2 - 1] + fractions[n / 2]) / 2;
        return new Neg2OverPixels(name, n, sum / n, median, fractions[n - 1], (double) positive / n);
    }

    /** The 3-vector of pixel {@code i} of a channel-major map. */
    private static double[] vector(float[] map, int i) {
        int n = map.length / NestedDiscs.CLASSES;
        double[] z = new double[NestedDiscs.CLASSES];
        for (int k = 0; k < z.length; k++) z[k] = map[k * n + i];
        return z;
    }

    private static String format(double[] z) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < z.length; k++) sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", z[k]));
        return sb.append(')').toString();
    }
}
