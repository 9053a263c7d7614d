package org.regionwise.experiments.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The demo draws axial slices with anterior (the last NIfTI y row) at the top. */
class DemoReportTest {

    @Test
    void rowsAreReversedAndColumnsKept() {
        // 3 rows of 2: row 0 (posterior) must end up last.
        assertArrayEquals(new int[] {5, 6, 3, 4, 1, 2}, DemoReport.flipRows(new int[] {1, 2, 3, 4, 5, 6}, 3, 2));
        assertArrayEquals(new float[] {5, 6, 3, 4, 1, 2}, DemoReport.flipRows(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
    }
}
