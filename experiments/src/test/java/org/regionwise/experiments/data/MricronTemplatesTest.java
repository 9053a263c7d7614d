package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;

/**
 * Real-world files: the Colin27 T1 and the AAL atlas from Debian's mricron-data package, when installed
 * ({@code apt-get install mricron-data}); skipped with a message otherwise. Nothing is committed.
 */
class MricronTemplatesTest {
    private static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");

    @Test
    void colin27AndAalShareTheirGrid() throws IOException {
        NiftiImage t1 = NiftiReader.read(template("ch2.nii.gz"));
        NiftiImage aal = NiftiReader.read(template("aal.nii.gz"));

        assertArrayEquals(new int[] {181, 217, 181}, t1.dims());
        assertArrayEquals(t1.dims(), aal.dims());
        assertArrayEquals(new double[] {1, 1, 1}, t1.spacing());
        assertEquals(4, aal.header().geometry().sformCode(), "MNI space");
        assertArrayEquals(t1.header().geometry().srow(), aal.header().geometry().srow());
    }

    @Test
    void aalHolds116Regions() throws IOException {
        int[] labels = NiftiReader.read(template("aal.nii.gz")).labels();

        assertEquals(117, Arrays.stream(labels).distinct().count(), "background and 116 regions");
        assertTrue(Arrays.stream(labels).allMatch(l -> l >= 0));
    }

    private static Path template(String name) {
        Path file = TEMPLATES.resolve(name);
        assumeTrue(Files.isReadable(file), "skipped: " + file + " is absent (apt-get install mricron-data to run this test)");
        return file;
    }
}
