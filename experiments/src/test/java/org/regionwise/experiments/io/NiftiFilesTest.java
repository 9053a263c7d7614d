package org.regionwise.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing real files: names, compression, atomic writes and the errors a user meets. */
class NiftiFilesTest {
    @TempDir
    Path dir;

    @Test
    void niiAndNiiGzRoundTripThroughFiles() throws IOException {
        NiftiImage image = NiftiSamples.randomImage(NiftiDataType.FLOAT32, ByteOrder.BIG_ENDIAN, new int[] {4, 5, 3}, new Random(7));
        for (String name : new String[] {"plain.nii", "packed.nii.gz"}) {
            Path file = dir.resolve(name);
            image.write(file);
            NiftiImage back = NiftiReader.read(file);
            assertEquals(image.header(), back.header());
            assertArrayEquals(image.data(), back.data());
            assertEquals(image.header(), NiftiReader.readHeader(file));
        }
        byte[] packed = Files.readAllBytes(dir.resolve("packed.nii.gz"));
        assertTrue((packed[0] & 0xFF) == 0x1f && (packed[1] & 0xFF) == 0x8b, ".nii.gz is gzip");
        assertEquals(352 + 4 * 60 + (int) (image.header().voxOffset() - 352), Files.size(dir.resolve("plain.nii")));
    }

    @Test
    void aValueThatDoesNotFitLeavesNoFileBehind() throws IOException {
        NiftiImage image = new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 2, 2), new float[] {0, 1, 256, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> image.write(dir.resolve("x.nii")));
        assertTrue(e.getMessage().contains("voxel 2") && e.getMessage().contains("uint8"), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "neither the target nor a temporary file remains");
        }
    }

    @Test
    void theWriterWantsANiftiName() {
        NiftiImage image = new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 1), new float[1]);
        assertThrows(IllegalArgumentException.class, () -> image.write(dir.resolve("x.img")));
    }

    @Test
    void aMissingFileIsAPlainIoErrorNotAFormatError() {
        assertThrows(NoSuchFileException.class, () -> NiftiReader.read(dir.resolve("absent.nii.gz")));
    }

    @Test
    void aTextFileIsRefusedWithItsName() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.nii"), "just some text, not an image\n");
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(notes));
        assertTrue(e.getMessage().startsWith(notes + ": truncated header"), e.getMessage());
    }

    @Test
    void labelImagesCopyTheReferenceGrid() throws IOException {
        NiftiHeader reference = NiftiSamples.randomHeader(NiftiDataType.FLOAT64, ByteOrder.BIG_ENDIAN, new int[] {3, 2, 2, 5}, new Random(3));
        int[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255};
        NiftiImage written = NiftiImage.uint8Like(reference, labels);
        written.write(dir.resolve("labels.nii.gz"));

        NiftiImage back = NiftiReader.read(dir.resolve("labels.nii.gz"));
        assertArrayEquals(labels, back.labels());
        assertArrayEquals(new int[] {3, 2, 2}, back.dims(), "the spatial grid of a 4D reference");
        assertEquals(reference.geometry(), back.header().geometry());
        assertArrayEquals(java.util.Arrays.copyOf(reference.spacing(), 3), back.spacing());
        assertEquals(reference.pixdim()[0], back.header().pixdim()[0], "qfac");
        assertEquals(ByteOrder.BIG_ENDIAN, back.header().byteOrder());
        assertThrows(IllegalArgumentException.class, () -> NiftiImage.uint8Like(reference, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 256}));
        assertArrayEquals(new int[] {-300, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 30000},
                NiftiImage.int16Like(reference, new int[] {-300, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 30000}).labels());
    }

    @Test
    void float32MapsGetUnitSpacingOnTheirExtraAxis() {
        NiftiHeader reference = NiftiSamples.randomHeader(NiftiDataType.INT16, ByteOrder.LITTLE_ENDIAN, new int[] {2, 2, 2}, new Random(5));
        NiftiImage map = NiftiImage.float32Like(reference, new int[] {2, 2, 2, 3}, new float[24]);
        float[] pixdim = map.header().pixdim();
        assertArrayEquals(java.util.Arrays.copyOf(reference.pixdim(), 4), java.util.Arrays.copyOf(pixdim, 4));
        assertEquals(1f, pixdim[4]);
        assertEquals(NiftiDataType.FLOAT32, map.header().dataType());
        assertEquals(reference.xyztUnits() & 7, map.header().xyztUnits(), "spatial units kept, time units dropped");
    }

    @Test
    void labelsRefuseValuesThatAreNotIntegers() {
        NiftiImage image = new NiftiImage(NiftiHeader.of(NiftiDataType.FLOAT32, 3), new float[] {1, 2.0004f, 2.5f});
        IllegalStateException e = assertThrows(IllegalStateException.class, image::labels);
        assertTrue(e.getMessage().contains("voxel 2"), e.getMessage());
        assertArrayEquals(new int[] {1, 2}, new NiftiImage(NiftiHeader.of(NiftiDataType.FLOAT32, 2), new float[] {1, 2.0004f}).labels());
    }

    @Test
    void anImageNeedsOneValuePerVoxel() {
        assertThrows(IllegalArgumentException.class, () -> new NiftiImage(NiftiHeader.of(NiftiDataType.UINT8, 2, 3), new float[5]));
        assertThrows(IllegalArgumentException.class, () -> NiftiHeader.of(NiftiDataType.UINT8, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> NiftiHeader.of(NiftiDataType.UINT8, 1, 1, 1, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> NiftiHeader.of(NiftiDataType.UINT8, 32767, 32767, 32767));
    }
}
