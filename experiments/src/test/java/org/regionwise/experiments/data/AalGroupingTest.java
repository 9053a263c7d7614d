package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AAL regions 1..116 grouped into background, cortex, deep grey matter and cerebellum. */
class AalGroupingTest {
    @TempDir
    Path dir;

    @Test
    void groupsASyntheticLabelVolume() throws DatasetFormatException {
        int[] regions = {0, 1, 36, 37, 38, 39, 40, 41, 42, 43, 70, 71, 74, 78, 79, 90, 91, 108, 109, 116};
        int[] expected = {0, 1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2, 2, 1, 1, 3, 3, 3, 3};
        assertArrayEquals(expected, AalGrouping.group(regions, "aal"));
    }

    @Test
    void everyRegionHasTheClassItsNameSays() {
        // the names of mricron's aal.nii.txt around every boundary of the grouping
        assertEquals(1, AalGrouping.classOfName("Cingulum_Post_R")); // 36
        assertEquals(2, AalGrouping.classOfName("Hippocampus_L")); // 37
        assertEquals(1, AalGrouping.classOfName("ParaHippocampal_L")); // 39: cortex, not hippocampus
        assertEquals(2, AalGrouping.classOfName("Amygdala_R")); // 42
        assertEquals(2, AalGrouping.classOfName("Caudate_L")); // 71
        assertEquals(2, AalGrouping.classOfName("Thalamus_R")); // 78
        assertEquals(1, AalGrouping.classOfName("Heschl_L")); // 79
        assertEquals(3, AalGrouping.classOfName("Cerebelum_Crus1_L")); // 91
        assertEquals(3, AalGrouping.classOfName("Vermis_10")); // 116
    }

    @Test
    void aCodedAtlasIsRejectedWithTheValue() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> AalGrouping.group(new int[] {0, 2001}, "aal.nii.gz"));
        assertTrue(e.getMessage().contains("aal.nii.gz: voxel 1 holds 2001"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AalGrouping.classOf(117));
    }

    @Test
    void aNamesFileThatAgreesPassesAndOneThatDisagreesFails() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int r = 1; r <= 116; r++) {
            String name = switch (AalGrouping.classOf(r)) {
                case 2 -> "Putamen_" + (r % 2 == 1 ? "L" : "R");
                case 3 -> "Cerebelum_" + r;
                default -> "Frontal_" + r;
            };
            lines.add(r + " " + name + " " + (2000 + r));
        }
        Path good = Files.write(dir.resolve("aal.nii.txt"), lines);
        assertDoesNotThrow(() -> AalGrouping.checkNames(good));

        lines.set(36, "37 Frontal_Sup_L 4101"); // region 37 should be deep grey
        Path bad = Files.write(dir.resolve("other.txt"), lines);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> AalGrouping.checkNames(bad));
        assertTrue(e.getMessage().contains("region 37 is named Frontal_Sup_L"), e.getMessage());

        Path shortFile = Files.write(dir.resolve("short.txt"), lines.subList(0, 100));
        assertThrows(DatasetFormatException.class, () -> AalGrouping.checkNames(shortFile));
    }
}
