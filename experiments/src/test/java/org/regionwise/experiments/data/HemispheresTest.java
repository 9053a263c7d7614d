package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiGeometry;
import org.regionwise.experiments.io.NiftiHeader;

/**
 * The hemisphere split on small volumes whose voxels carry their own coordinates: no voxel of the
 * training side is in validation, validation is the mirror image, and the midline column is in neither.
 */
class HemispheresTest {
    private static final int NY = 3, NZ = 2;

    /** Voxel (x, y, z) holds the code 1 + x + 100y + 10000z in the image and in the label. */
    private static Volume coded(int nx) {
        float[] image = new float[nx * NY * NZ];
        int[] labels = new int[image.length];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < nx; x++) {
                    int code = 1 + x + 100 * y + 10000 * z;
                    image[x + nx * (y + NY * z)] = code;
                    labels[x + nx * (y + NY * z)] = code;
                }
            }
        }
        return new Volume("v", nx, NY, NZ, new double[] {1, 1, 1}, new float[][] {image}, labels);
    }

    private static int x(int code) {
        return (code - 1) % 100;
    }

    @Test
    void anOddWidthLosesOnlyTheMidlineColumn() {
        Volume full = coded(9); // midline column 4
        Hemispheres.Window window = new Hemispheres.Window(0, NY, 6, 0, NZ);
        Volume left = Hemispheres.left(full, 4, window, -1, "l");
        Volume right = Hemispheres.rightMirrored(full, 4, window, -1, "r");

        Set<Integer> train = codes(left), validation = codes(right);
        assertTrue(train.stream().allMatch(c -> x(c) < 4), "train: x < 4 only");
        assertTrue(validation.stream().allMatch(c -> x(c) > 4), "validation: x > 4 only");
        Set<Integer> both = new HashSet<>(train);
        both.retainAll(validation);
        assertTrue(both.isEmpty(), "no voxel in both splits");
        assertEquals(4 * NY * NZ, train.size(), "every left voxel is in train");
        assertEquals(4 * NY * NZ, validation.size(), "every right voxel is in validation");

        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int j = 0; j < 6; j++) {
                    int l = left.labels()[left.index(j, y, z)], r = right.labels()[right.index(j, y, z)];
                    if (j < 2) { // 6 columns, 4 of hemisphere: 2 of padding on the lateral side
                        assertEquals(0, l);
                        assertEquals(0, r);
                        assertEquals(-1f, left.channels()[0][left.index(j, y, z)]);
                        continue;
                    }
                    assertEquals(j - 2, x(l), "lateral first: x = 0 at column 2, the medial x = 3 last");
                    assertEquals(8 - (j - 2), x(r), "mirrored: x = 8 at column 2, the medial x = 5 last");
                    assertEquals(l - x(l), r - x(r), "same y and z");
                    assertEquals((float) l, left.channels()[0][left.index(j, y, z)], "image and label move together");
                }
            }
        }
    }

    @Test
    void anEvenWidthSplitsBetweenColumns() {
        Volume full = coded(8); // midline at x = 3.5: nothing is lost
        Hemispheres.Window window = new Hemispheres.Window(0, NY, 4, 0, NZ);
        Set<Integer> train = codes(Hemispheres.left(full, 3.5, window, 0, "l"));
        Set<Integer> validation = codes(Hemispheres.rightMirrored(full, 3.5, window, 0, "r"));
        assertTrue(train.stream().allMatch(c -> x(c) <= 3));
        assertTrue(validation.stream().allMatch(c -> x(c) >= 4));
        assertEquals(full.voxels(), train.size() + validation.size());
    }

    @Test
    void aNarrowWindowKeepsTheMedialColumnsAndRowsAndSlicesOutsideArePadded() {
        Volume full = coded(9);
        Volume left = Hemispheres.left(full, 4, new Hemispheres.Window(-1, 2, 2, 1, 2), 0, "l");
        assertEquals(0, left.labels()[left.index(0, 0, 0)], "row y = -1 is padding");
        assertEquals(2, x(left.labels()[left.index(0, 1, 0)]));
        assertEquals(3, x(left.labels()[left.index(1, 1, 0)]));
        assertEquals(1 + 3 + 0 + 10000, left.labels()[left.index(1, 1, 0)]);
        assertEquals(0, left.labels()[left.index(1, 1, 1)], "slice z = 2 is padding");
    }

    @Test
    void theMidlineIsWorldXZeroOfTheSform() throws DatasetFormatException {
        assertEquals(90, Hemispheres.midlineFromSform(header(4, new float[] {1, 0, 0, -90, 0, 1, 0, -126, 0, 0, 1, -72}), "f"));
        assertEquals(45, Hemispheres.midlineFromSform(header(2, new float[] {-2, 0, 0, 90, 0, 2, 0, 0, 0, 0, 2, 0}), "f"));
        DatasetFormatException rotated = assertThrows(DatasetFormatException.class,
                () -> Hemispheres.midlineFromSform(header(4, new float[] {0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0}), "f.nii"));
        assertTrue(rotated.getMessage().startsWith("f.nii: no axis-aligned sform"), rotated.getMessage());
        assertThrows(DatasetFormatException.class,
                () -> Hemispheres.midlineFromSform(header(0, new float[] {1, 0, 0, -90, 0, 1, 0, 0, 0, 0, 1, 0}), "f"));
    }

    private static NiftiHeader header(int sformCode, float[] srow) {
        NiftiGeometry g = new NiftiGeometry(0, sformCode, 0, 0, 0, 0, 0, 0, srow);
        return new NiftiHeader(new int[] {4, 4, 4}, new float[] {1, 1, 1, 1, 1, 1, 1, 1}, NiftiDataType.UINT8, 352, 1, 0,
                NiftiHeader.UNITS_MM_SEC, "", g, ByteOrder.LITTLE_ENDIAN);
    }

    private static Set<Integer> codes(Volume v) {
        Set<Integer> codes = new HashSet<>();
        for (int l : v.labels()) if (l != 0) assertTrue(codes.add(l), "each voxel at most once");
        assertFalse(codes.contains(0));
        return codes;
    }
}
