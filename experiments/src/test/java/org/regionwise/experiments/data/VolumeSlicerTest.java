package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Slices along each axis hold the right voxels in the right rows and columns, with the right spacing. */
class VolumeSlicerTest {
    private static final int NX = 4, NY = 3, NZ = 2;

    /** Voxel (x, y, z) holds 100x + 10y + z in channel 0, its negative in channel 1, and label x + y + z. */
    private static Volume coded() {
        float[] a = new float[NX * NY * NZ], b = new float[a.length];
        int[] labels = new int[a.length];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    int i = x + NX * (y + NY * z);
                    a[i] = 100 * x + 10 * y + z;
                    b[i] = -a[i];
                    labels[i] = x + y + z;
                }
            }
        }
        return new Volume("v", NX, NY, NZ, new double[] {0.5, 0.7, 3}, new float[][] {a, b}, labels);
    }

    @Test
    void zSlicesAreRowsOfYAndColumnsOfX() {
        List<Slice> slices = VolumeSlicer.slices(coded(), SliceAxis.Z);
        assertEquals(NZ, slices.size());
        Slice s = slices.get(1);
        assertEquals(NY, s.height());
        assertEquals(NX, s.width());
        assertEquals(1, s.sliceIndex());
        assertEquals(100 * 3 + 10 * 2 + 1, s.image()[2 * NX + 3]); // row y = 2, column x = 3
        assertEquals(-(100 * 3 + 10 * 2 + 1), s.image()[NX * NY + 2 * NX + 3]);
        assertEquals(3 + 2 + 1, s.label()[2 * NX + 3]);
        assertEquals(0.7, s.dy());
        assertEquals(0.5, s.dx());
        assertEquals(3, s.dz());
    }

    @Test
    void ySlicesAreRowsOfZAndColumnsOfX() {
        Slice s = VolumeSlicer.slice(coded(), SliceAxis.Y, 2);
        assertEquals(NZ, s.height());
        assertEquals(NX, s.width());
        assertEquals(100 * 1 + 10 * 2 + 1, s.image()[NX + 1]); // row z = 1, column x = 1
        assertEquals(3, s.dy());
        assertEquals(0.5, s.dx());
        assertEquals(0.7, s.dz());
    }

    @Test
    void xSlicesAreRowsOfZAndColumnsOfY() {
        Slice s = VolumeSlicer.slice(coded(), SliceAxis.X, 3);
        assertEquals(NZ, s.height());
        assertEquals(NY, s.width());
        assertEquals(100 * 3 + 10 * 1 + 1, s.image()[NY + 1]); // row z = 1, column y = 1
        assertEquals(3 + 1 + 1, s.label()[NY + 1]);
        assertEquals(3, s.dy());
        assertEquals(0.7, s.dx());
        assertEquals(0.5, s.dz());
    }
}
