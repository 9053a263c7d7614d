package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nnU-Net's splits_final.json: five folds that partition the cases, written once and reused. */
class NnUnetSplitsTest {
    @TempDir
    Path dir;

    private static List<String> cases(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(String.format("case_%03d", i));
        return out;
    }

    @Test
    void fiveFoldsWhoseValidationSetsPartitionTheCases() {
        List<NnUnetSplits.Fold> folds = NnUnetSplits.make(cases(12));
        assertEquals(5, folds.size());
        Set<String> validated = new HashSet<>();
        for (NnUnetSplits.Fold f : folds) {
            assertTrue(f.val().size() == 2 || f.val().size() == 3, f.toString());
            assertEquals(12, f.train().size() + f.val().size());
            for (String id : f.val()) assertTrue(validated.add(id), id + " validated twice");
            assertTrue(f.train().stream().noneMatch(f.val()::contains));
        }
        assertEquals(12, validated.size());
        assertEquals(folds, NnUnetSplits.make(cases(12)), "deterministic");
    }

    @Test
    void theFileIsWrittenOnFirstUseAndReusedEvenWhenEditedByHand() throws IOException {
        List<String> all = cases(6);
        NnUnetSplits.Chosen first = NnUnetSplits.choose(dir, all, 1);
        Path file = dir.resolve(NnUnetSplits.FILE);
        assertTrue(Files.exists(file));
        assertTrue(first.origin().contains("wrote"), first.origin());
        assertEquals(NnUnetSplits.make(all), NnUnetSplits.read(file), "round trip through nnU-Net's format");

        // A split from elsewhere (nnU-Net's own, or edited) is used as it is.
        Files.writeString(file, "[{\"train\": [\"case_000\", \"case_001\"], \"val\": [\"case_005\"]}]");
        NnUnetSplits.Chosen reused = NnUnetSplits.choose(dir, all, 0);
        assertEquals(List.of("case_005"), reused.fold().val());
        assertTrue(reused.origin().contains("from " + file), reused.origin());

        DatasetFormatException noFold = assertThrows(DatasetFormatException.class, () -> NnUnetSplits.choose(dir, all, 3));
        assertTrue(noFold.getMessage().contains("there is no fold 3"), noFold.getMessage());
        Files.writeString(file, "[{\"train\": [\"case_999\"], \"val\": [\"case_005\"]}]");
        DatasetFormatException unknown = assertThrows(DatasetFormatException.class, () -> NnUnetSplits.choose(dir, all, 0));
        assertTrue(unknown.getMessage().contains("case_999"), unknown.getMessage());
    }
}
