package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.io.NiftiImage;
import org.regionwise.experiments.io.NiftiReader;

/**
 * The real default data set, Colin27 + AAL from Debian's mricron-data, when installed; skipped with a
 * message otherwise. Checks the documented class fractions, the midline against the atlas's own
 * left/right symmetry, and the split's shape.
 */
class MricronAalDatasetTest {
    private static final Path ATLAS = DefaultDataset.TEMPLATES.resolve(DefaultDataset.ATLAS_FILE);
    private static TrainingData data;

    @BeforeAll
    static void load() throws IOException {
        assumeTrue(Files.isReadable(ATLAS) && Files.isReadable(DefaultDataset.TEMPLATES.resolve(DefaultDataset.IMAGE_FILE)),
                "skipped: " + ATLAS + " is absent (apt-get install mricron-data to run this test)");
        data = DefaultDataset.load(1);
    }

    @Test
    void itIsTheRealDataWithoutWarning() {
        assertFalse(data.source().isPhantom());
        assertFalse(data.source().hasWarning());
        assertEquals(DatasetSource.Kind.MRICRON_AAL, data.source().kind());
    }

    @Test
    void wholeGridFractionsAreAbout79_17_1_3() throws IOException {
        int[] classes = AalGrouping.group(NiftiReader.read(ATLAS).labels(), ATLAS.toString());
        long[] counts = new long[4];
        ClassFractions.count(classes, counts);
        double[] f = ClassFractions.fractions(counts);
        assertEquals(0.79, f[0], 0.02, "background");
        assertEquals(0.17, f[1], 0.02, "cortex");
        assertEquals(0.01, f[2], 0.005, "deep grey matter");
        assertEquals(0.03, f[3], 0.01, "cerebellum");
    }

    @Test
    void splitsHold146AxialSlicesOf192x96WithTheRarerClassesPresent() {
        for (SliceDataset split : new SliceDataset[] {data.train(), data.validation()}) {
            assertEquals(146, split.size(), split.summary());
            assertEquals(192, split.maxHeight());
            assertEquals(96, split.maxWidth());
            double[] f = split.classFractions();
            assertEquals(0.73, f[0], 0.03, split.summary());
            assertEquals(0.22, f[1], 0.03, split.summary());
            assertEquals(0.013, f[2], 0.005, split.summary());
            assertEquals(0.035, f[3], 0.01, split.summary());
        }
    }

    @Test
    void theSformMidlineIsWhereTheAtlasIsSymmetric() throws IOException {
        NiftiImage aal = NiftiReader.read(ATLAS);
        double midline = Hemispheres.midlineFromSform(aal.header(), ATLAS.toString());
        assertEquals(90, midline);
        // AAL numbers left regions odd, right regions even (1..108; the vermis, 109..116, is unpaired)
        int[] labels = aal.labels();
        int nx = aal.dims()[0];
        double leftSum = 0, rightSum = 0;
        long left = 0, right = 0;
        for (int i = 0; i < labels.length; i++) {
            int r = labels[i];
            if (r < 1 || r > 108) continue;
            if (r % 2 == 1) {
                leftSum += i % nx;
                left++;
            } else {
                rightSum += i % nx;
                right++;
            }
        }
        double centre = (leftSum / left + rightSum / right) / 2;
        assertEquals(midline, centre, 2, "midway between the centroids of the _L and _R regions");
        assertTrue(leftSum / left < midline, "left regions (odd) lie at x below the midline");
    }

    @Test
    void theNamesFileMatchesTheGrouping() {
        Path names = DefaultDataset.TEMPLATES.resolve(DefaultDataset.ATLAS_NAMES_FILE);
        assumeTrue(Files.isReadable(names), "skipped: " + names + " is absent");
        assertDoesNotThrow(() -> AalGrouping.checkNames(names));
    }
}
