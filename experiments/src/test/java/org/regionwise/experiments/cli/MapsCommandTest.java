package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiGeometry;
import org.regionwise.experiments.io.NiftiHeader;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code regionwise maps} end to end on a small generated label volume with anisotropic voxels: the
 * written map is checked against distances computed by brute force in NIfTI (x, y, z) coordinates,
 * which catches any mix-up of axis order or spacing between the file and the maps module.
 */
class MapsCommandTest {
    private static final int NX = 7, NY = 6, NZ = 5, N = NX * NY * NZ;
    private static final double DX = 0.7, DY = 1.3, DZ = 2.1;

    @TempDir
    Path dir;
    private Path labelFile;
    private int[] labels;
    private NiftiHeader labelHeader;

    /** Class 1: a box; class 2: a corner bar; the rest background. Big-endian, with a rotated sform. */
    @BeforeEach
    void writeLabelVolume() throws IOException {
        labels = new int[N];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    boolean box = x >= 1 && x <= 4 && y >= 1 && y <= 3 && z >= 1 && z <= 3;
                    labels[index(x, y, z)] = box ? 1 : (x >= 5 && z <= 1 ? 2 : 0);
                }
            }
        }
        float[] srow = {0, -(float) DY, 0, 10, (float) DX, 0, 0, -20, 0, 0, (float) DZ, 30};
        NiftiGeometry geometry = new NiftiGeometry(1, 4, 0, 0, 0.7071068f, 10, -20, 30, srow);
        labelHeader = new NiftiHeader(new int[] {NX, NY, NZ}, new float[] {1, (float) DX, (float) DY, (float) DZ, 1, 1, 1, 1},
                NiftiDataType.UINT8, 352, 1, 0, NiftiHeader.UNITS_MM_SEC, "labels", geometry, ByteOrder.BIG_ENDIAN);
        labelFile = dir.resolve("labels.nii.gz");
        NiftiImage.uint8Like(labelHeader, labels).write(labelFile);
    }

    @Test
    void boundaryMapIn3DMatchesBruteForceWithTheHeaderSpacing() throws IOException {
        NiftiImage map = runMaps("--map", "boundary");

        assertArrayEquals(new int[] {NX, NY, NZ, 3}, map.dims());
        assertEquals(NiftiDataType.FLOAT32, map.header().dataType());
        assertEquals(labelHeader.geometry(), map.header().geometry(), "the map overlays the labels");
        assertArrayEquals(new double[] {DX, DY, DZ, 1}, map.spacing(), 1e-6);
        for (int c = 0; c < 3; c++) assertChannel(map, c, signedDistances(c, false, DX, DY, DZ));
    }

    @Test
    void rrwPerSliceMatchesBruteForceWithinEachZSlice() throws IOException {
        NiftiImage map = runMaps("--map", "rrw", "--per-slice");

        for (int c = 0; c < 3; c++) {
            float[] expected = signedDistances(c, true, DX, DY, DZ);
            for (int z = 0; z < NZ; z++) { // RRW: -d / max d inside, 1 outside; the max is per slice
                int from = z * NX * NY, to = (z + 1) * NX * NY;
                float max = 0;
                boolean fills = true; // a class filling its slice has no boundary: -1 (SPEC.md)
                for (int i = from; i < to; i++) {
                    max = Math.max(max, -expected[i]);
                    fills &= labels[i] == c;
                }
                for (int i = from; i < to; i++) expected[i] = fills ? -1 : expected[i] < 0 ? expected[i] / max : 1;
            }
            assertChannel(map, c, expected);
        }
    }

    @Test
    void explicitSpacingOverridesTheHeader() throws IOException {
        NiftiImage map = runMaps("--map", "boundary-kervadec", "--spacing", "1,1,1", "--classes", "4");

        assertArrayEquals(new int[] {NX, NY, NZ, 4}, map.dims());
        float[] expected = signedDistances(1, false, 1, 1, 1);
        for (int i = 0; i < N; i++) if (expected[i] < 0) expected[i] += 1; // Kervadec: rim 0 inside
        assertChannel(map, 1, expected);
        for (int i = 0; i < N; i++) assertEquals(0f, map.data()[3 * N + i], "an absent class maps to 0");
    }

    @Test
    void weightedRrwTakesOneWeightPerClass() throws IOException {
        NiftiImage map = runMaps("--map", "rrw-weighted", "--weights", "0.5,2,3", "--threads", "1");
        // Channel 0 at a class-1 voxel: the weight of class 1.
        assertEquals(2f, map.data()[index(2, 2, 2)]);
        assertEquals(3f, map.data()[index(6, 0, 0)]);
    }

    private NiftiImage runMaps(String... extra) throws IOException {
        Path out = dir.resolve("map.nii.gz");
        String[] args = new String[extra.length + 5];
        System.arraycopy(new String[] {"maps", "--label", labelFile.toString(), "--out", out.toString()}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote " + out), run.out());
        return NiftiReader.read(out);
    }

    private static void assertChannel(NiftiImage map, int c, float[] expected) {
        for (int i = 0; i < N; i++) {
            assertEquals(expected[i], map.data()[c * N + i], 1e-5f * Math.max(1, Math.abs(expected[i])),
                    "class " + c + " at voxel " + i);
        }
    }

    /**
     * Brute force in physical (x, y, z): inside class c, minus the distance to the nearest voxel of
     * another class; outside, the distance to the nearest class-c voxel; 0 when there is none. With
     * {@code sameSlice}, only voxels of the same z count.
     */
    private float[] signedDistances(int c, boolean sameSlice, double dx, double dy, double dz) {
        float[] d = new float[N];
        for (int i = 0; i < N; i++) {
            boolean inside = labels[i] == c;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < N; j++) {
                if ((labels[j] == c) == inside || (sameSlice && z(i) != z(j))) continue;
                double ex = (x(i) - x(j)) * dx, ey = (y(i) - y(j)) * dy, ez = (z(i) - z(j)) * dz;
                best = Math.min(best, Math.sqrt(ex * ex + ey * ey + ez * ez));
            }
            d[i] = Double.isInfinite(best) ? 0 : (float) (inside ? -best : best);
        }
        return d;
    }

    private static int index(int x, int y, int z) { return x + NX * (y + NY * z); }
    private static int x(int i) { return i % NX; }
    private static int y(int i) { return (i / NX) % NY; }
    private static int z(int i) { return i / (NX * NY); }
}
