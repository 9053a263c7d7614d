package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.io.NiftiDataType;
import org.regionwise.experiments.io.NiftiImage;

/** Every way an nnU-Net folder can be wrong gives an error that names the file and the problem. */
class NnUnetRawDatasetErrorsTest {
    private static final int[] DIMS = {4, 3, 2};
    private static final float[] SPACING = {1, 1, 2};

    @TempDir
    Path dir;

    @BeforeEach
    void writeAGoodFolder() throws IOException {
        TinyNnUnetFolder.write(dir, 2, DIMS, SPACING);
    }

    private <T extends Exception> String fails(Class<T> type) {
        return assertThrows(type, () -> NnUnetRawDataset.load(dir)).getMessage();
    }

    private void json(String text) throws IOException {
        Files.writeString(dir.resolve("dataset.json"), text);
    }

    @Test
    void invalidJsonNamesTheFileAndPlace() throws IOException {
        json("{\"labels\": {\"background\": 0,}}");
        String m = fails(DatasetFormatException.class);
        assertTrue(m.startsWith(dir.resolve("dataset.json") + ": invalid JSON at line 1, column 29"), m);
    }

    @Test
    void missingOrMistypedFieldsAreNamed() throws IOException {
        json("{\"labels\": {\"background\": 0}, \"numTraining\": 2}");
        assertTrue(fails(DatasetFormatException.class).contains("missing \"channel_names\""));
        json("{\"channel_names\": {\"0\": \"T1\"}, \"numTraining\": 2}");
        assertTrue(fails(DatasetFormatException.class).contains("missing \"labels\""));
        json("{\"channel_names\": {\"0\": \"T1\"}, \"labels\": {\"background\": 0}, \"numTraining\": 2.5}");
        assertTrue(fails(DatasetFormatException.class).contains("\"numTraining\" must be a positive integer, got 2.5"));
        json("{\"channel_names\": {\"0\": \"T1\"}, \"labels\": {\"background\": 0}, \"numTraining\": 2, \"file_ending\": \".png\"}");
        assertTrue(fails(DatasetFormatException.class).contains("\".png\" is not supported"));
    }

    @Test
    void labelIdsMustBeConsecutiveAndNotRegions() throws IOException {
        json("{\"channel_names\": {\"0\": \"T1\"}, \"labels\": {\"background\": 0, \"tumour\": 2}, \"numTraining\": 2}");
        assertTrue(fails(DatasetFormatException.class).contains("1 is missing"));
        json("{\"channel_names\": {\"0\": \"T1\"}, \"labels\": {\"background\": 0, \"whole\": [1, 2]}, \"numTraining\": 2}");
        assertTrue(fails(DatasetFormatException.class).contains("region-based training is not supported"));
        json("{\"channel_names\": {\"0\": \"T1\"}, \"labels\": {\"background\": 0, \"a\": 1, \"b\": 1}, \"numTraining\": 2}");
        assertTrue(fails(DatasetFormatException.class).contains("share id 1"));
    }

    @Test
    void theV1FormIsReadToo() throws IOException {
        json("{\"modality\": {\"0\": \"T1\", \"1\": \"FLAIR\"}, \"labels\": {\"0\": \"background\", \"1\": \"lesion\", \"2\": \"edema\"},"
                + " \"numTraining\": 2}");
        TrainingData data = NnUnetRawDataset.load(dir);
        assertEquals(java.util.List.of("background", "lesion", "edema"), data.classNames());
        assertEquals(java.util.List.of("T1", "FLAIR"), data.train().channelNames());
    }

    @Test
    void numTrainingMustMatchTheLabelFiles() throws IOException {
        json(TinyNnUnetFolder.DATASET_JSON.formatted(3));
        String m = fails(DatasetFormatException.class);
        assertTrue(m.contains("numTraining is 3 but labelsTr holds 2"), m);
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        Files.delete(dir.resolve("imagesTr/case_b_0001.nii.gz"));
        assertEquals(dir.resolve("imagesTr/case_b_0001.nii.gz").toString(), assertThrows(NoSuchFileException.class,
                () -> NnUnetRawDataset.load(dir)).getFile());
        Files.delete(dir.resolve("dataset.json"));
        assertEquals(dir.resolve("dataset.json").toString(), assertThrows(NoSuchFileException.class,
                () -> NnUnetRawDataset.load(dir)).getFile());
        assertThrows(NoSuchFileException.class, () -> NnUnetRawDataset.load(dir.resolve("absent")));
    }

    @Test
    void mismatchedGridsNameBothFilesAndShapes() throws IOException {
        TinyNnUnetFolder.writeImage(dir.resolve("imagesTr/case_a_0001.nii.gz"), new int[] {4, 3, 3}, SPACING, 0, 1);
        String m = fails(DatasetFormatException.class);
        assertTrue(m.contains("case_a_0001.nii.gz: grid 4x3x3") && m.contains("differs from " + dir.resolve("labelsTr/case_a.nii.gz")
                + "'s 4x3x2"), m);
    }

    @Test
    void mismatchedSpacingIsAGridMismatchToo() throws IOException {
        TinyNnUnetFolder.writeImage(dir.resolve("imagesTr/case_b_0000.nii.gz"), DIMS, new float[] {1, 1, 3}, 1, 0);
        assertTrue(fails(DatasetFormatException.class).contains("(spacing 1x1x3) differs"));
    }

    @Test
    void aLabelOutsideTheClassesNamesFileValueAndVoxel() throws IOException {
        float[] labels = new float[24];
        labels[1 + 4 * (2 + 3 * 1)] = 3; // voxel (1, 2, 1)
        new NiftiImage(TinyNnUnetFolder.header(NiftiDataType.UINT8, DIMS, SPACING), labels).write(dir.resolve("labelsTr/case_b.nii.gz"));
        String m = fails(DatasetFormatException.class);
        assertTrue(m.startsWith(dir.resolve("labelsTr/case_b.nii.gz") + ": voxel (1, 2, 1) holds 3.0, but dataset.json defines 3 classes"), m);
    }

    @Test
    void aFourDimensionalImageIsRefused() throws IOException {
        new NiftiImage(TinyNnUnetFolder.header(NiftiDataType.FLOAT32, new int[] {4, 3, 2, 2}, SPACING), new float[48])
                .write(dir.resolve("imagesTr/case_a_0000.nii.gz"));
        assertTrue(fails(DatasetFormatException.class).contains("expected one 3D volume per file"));
    }
}
