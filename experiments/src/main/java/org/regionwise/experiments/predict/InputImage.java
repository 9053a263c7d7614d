package org.regionwise.experiments.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.regionwise.experiments.io.WorldSpace;

/**
 * One image to segment: its channel files read and checked to share one 3D grid.
 *
 * @param header   the first channel's header (the output's grid and orientation)
 * @param dims     (nx, ny, nz)
 * @param spacing  voxel size (x, y, z) in mm; an axis the file lacks gets 1
 * @param channels one nx*ny*nz array per channel, in file order
 */
public record InputImage(NiftiHeader header, int[] dims, double[] spacing, float[][] channels) {

    /**
     * Reads {@code files}, one per channel.
     *
     * @throws IllegalArgumentException naming the file whose grid differs from the first one's, or whose
     *                                  dims or voxel size are unusable
     */
    public static InputImage read(List<Path> files) throws IOException {
        NiftiImage first = NiftiReader.read(files.get(0));
        int[] dims = spatialDims(first.header(), files.get(0));
        double[] spacing = spacing(first.header(), files.get(0));
        float[][] channels = new float[files.size()][];
        channels[0] = first.data();
        for (int c = 1; c < files.size(); c++) {
            NiftiImage image = NiftiReader.read(files.get(c));
            int[] d = spatialDims(image.header(), files.get(c));
            double[] s = spacing(image.header(), files.get(c));
            String problem = WorldSpace.compare(files.get(c).toString(), image.header(), files.get(0).toString(), first.header());
            if (!Arrays.equals(d, dims) || !sameSpacing(s, spacing) || problem != null) {
                throw new IllegalArgumentException((problem != null ? problem : files.get(c) + ": grid " + grid(d, s) + " differs from "
                        + files.get(0) + "'s " + grid(dims, spacing)) + "; every channel must share one grid");
            }
            channels[c] = image.data();
        }
        return new InputImage(first.header(), dims, spacing, channels);
    }

    /** The voxel size (x, y, z) in mm from {@code file}'s header alone, as {@link #read} would find it. */
    public static double[] spacingOf(Path file) throws IOException {
        return spacing(NiftiReader.readHeader(file), file);
    }

    /** "NXxNYxNZ at SXxSYxSZ mm". */
    public String grid() {
        return grid(dims, spacing);
    }

    /** (nx, ny, nz) of a 2D or 3D image; a fourth axis of size 1 is allowed. */
    private static int[] spatialDims(NiftiHeader header, Path file) {
        int[] dims = header.dims();
        for (int a = 3; a < dims.length; a++) {
            if (dims[a] != 1) {
                throw new IllegalArgumentException(file + ": expected one 3D image per channel, got dims " + Arrays.toString(dims));
            }
        }
        return new int[] {header.dim(0), header.dim(1), header.dim(2)};
    }

    /** Voxel size (x, y, z); an axis the file lacks gets 1. */
    private static double[] spacing(NiftiHeader header, Path file) {
        double[] stored = header.spacing();
        double[] s = {1, 1, 1};
        for (int a = 0; a < Math.min(3, stored.length); a++) {
            if (!(stored[a] > 0) || Double.isInfinite(stored[a])) {
                throw new IllegalArgumentException(file + ": the header's voxel size (pixdim) along axis " + a + " is " + stored[a]);
            }
            s[a] = stored[a];
        }
        return s;
    }

    private static boolean sameSpacing(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) if (Math.abs(a[i] - b[i]) > 1e-4 * Math.max(a[i], b[i])) return false;
        return true;
    }

    static String grid(int[] d, double[] s) {
        return String.format(Locale.ROOT, "%dx%dx%d at %sx%sx%s mm", d[0], d[1], d[2], mm(s[0]), mm(s[1]), mm(s[2]));
    }

    /** A length in mm to 4 significant digits, without trailing zeros. */
    static String mm(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
