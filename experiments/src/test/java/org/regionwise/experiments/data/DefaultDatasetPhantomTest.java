package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.io.NiftiFormatException;

/**
 * The default data set's pipeline (split, crop, scale, z-score, slicing) on the phantom, and the fallback
 * to it when the templates are missing; runs whether or not mricron-data is installed.
 */
class DefaultDatasetPhantomTest {
    private static TrainingData data;

    @BeforeAll
    static void load(@TempDir Path empty) throws IOException {
        data = DefaultDataset.load(empty, 4);
    }

    @Test
    void missingTemplatesFallBackToThePhantomLoudly() {
        assertTrue(data.source().isPhantom());
        assertTrue(data.source().hasWarning());
        assertTrue(data.source().warning().contains("ch2.nii.gz not found") && data.source().warning().contains("phantom"),
                data.source().warning());
        assertTrue(data.describe().startsWith("WARNING: "), data.describe());
    }

    @Test
    void bothHemispheresGiveTheSameNumberOfAxialSlicesOfTheScaledCrop() {
        assertEquals(data.train().size(), data.validation().size());
        assertTrue(data.train().size() > 100, "axial slices through the labelled z extent");
        for (SliceDataset split : new SliceDataset[] {data.train(), data.validation()}) {
            assertEquals(SliceAxis.Z, split.sliceAxis());
            assertEquals(1, split.channels());
            assertEquals(4, split.classCount());
            for (Slice s : split.slices()) {
                assertEquals(DefaultDataset.CROP_HEIGHT / 4, s.height());
                assertEquals(DefaultDataset.CROP_WIDTH / 4, s.width());
                assertEquals(4.0, s.dy());
                assertEquals(4.0, s.dx());
                assertEquals(1.0, s.dz());
            }
        }
        assertEquals(java.util.List.of("phantom-left"), data.train().volumeIds());
        assertEquals(java.util.List.of("phantom-right-mirrored"), data.validation().volumeIds());
    }

    @Test
    void eachHemisphereIsZScoredAsAWhole() {
        double sum = 0, squares = 0;
        long n = 0;
        for (Slice s : data.train().slices()) {
            for (float v : s.image()) {
                sum += v;
                squares += (double) v * v;
                n++;
            }
        }
        assertEquals(0, sum / n, 1e-4);
        assertEquals(1, squares / n, 1e-3);
    }

    @Test
    void everyClassIsInBothSplits() {
        for (SliceDataset split : new SliceDataset[] {data.train(), data.validation()}) {
            for (long c : split.classCounts()) assertTrue(c > 0, split.summary());
        }
        String text = data.describe();
        assertTrue(text.contains("class fractions, whole grid: background"), text);
        assertTrue(text.contains("train: ") && text.contains("validation: "), text);
    }

    @Test
    void scalesThatDoNotDivideTheCropAreRefused(@TempDir Path empty) {
        for (int bad : new int[] {0, 5, 7, 16, -1}) {
            assertThrows(IllegalArgumentException.class, () -> DefaultDataset.load(empty, bad), "scale " + bad);
        }
    }

    @Test
    void aPresentButCorruptTemplateIsAnErrorNotAFallback(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(DefaultDataset.IMAGE_FILE), "not an image");
        Files.writeString(dir.resolve(DefaultDataset.ATLAS_FILE), "not an image");
        assertThrows(NiftiFormatException.class, () -> DefaultDataset.load(dir, 4));
    }
}
