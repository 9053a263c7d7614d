package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Training slices resampled to a target spacing: shapes, spacing, labels by class and images by the cubic kernel. */
class SliceResamplingTest {

    @Test
    void halvingKeepsLabelsMadeOfWholeBlocksAndSetsTheSpacing() {
        int h = 8, w = 12;
        int[] label = new int[h * w];
        float[] image = new float[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                label[r * w + c] = (r / 2 + c / 2) % 3; // 2x2 blocks: each coarse pixel lies inside one
                image[r * w + c] = 5;
            }
        }
        Slice s = new Slice("v", 0, 1, h, w, image, label, 0.5, 0.5, 3);
        Slice out = SliceResampling.resample(s, 1, 1, 3);
        assertEquals(4, out.height());
        assertEquals(6, out.width());
        assertEquals(1, out.dy());
        assertEquals(1, out.dx());
        assertEquals(3, out.dz());
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 6; c++) {
                assertEquals((r + c) % 3, out.label()[r * 6 + c]);
                assertEquals(5f, out.image()[r * 6 + c], 1e-5f);
            }
        }
    }

    @Test
    void aSliceAtTheTargetSpacingIsReturnedAsItIs() {
        Slice s = new Slice("v", 0, 1, 2, 2, new float[4], new int[4], 1, 1.0005, 1);
        assertSame(s, SliceResampling.resample(s, 1, 1, 2));
    }
}
