package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.train.TinyData;

/** A split that leaves a class out is a loud warning, with the numbers, before any training. */
class SplitCoverageTest {

    /** {@code data} with every voxel of class {@code gone} relabelled background. */
    private static SliceDataset without(SliceDataset data, int gone) {
        List<Slice> out = new ArrayList<>();
        for (Slice s : data.slices()) {
            int[] label = s.label().clone();
            for (int i = 0; i < label.length; i++) if (label[i] == gone) label[i] = 0;
            out.add(new Slice(s.volumeId(), s.sliceIndex(), s.channels(), s.height(), s.width(), s.image(), label,
                    s.dy(), s.dx(), s.dz()));
        }
        return new SliceDataset(data.name(), out, data.classNames(), data.channelNames(), data.sliceAxis());
    }

    private static TrainingData data(SliceDataset train, SliceDataset validation) {
        return new TrainingData(new DatasetSource("tiny", DatasetSource.Kind.NNUNET_RAW, List.of(), ""), train, validation, List.of());
    }

    @Test
    void aClassMissingFromTrainingIsAWarningWithItsCounts() {
        List<String> w = SplitCoverage.warnings(data(without(TinyData.train(), 2), TinyData.validation()));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("warning: class 2 (square) has 0 voxels in the training split (12 slices, 3,072 voxels);"
                + " the validation split has "), w.get(0));
        assertTrue(w.get(0).contains("cannot learn it"), w.get(0));
    }

    @Test
    void aClassMissingFromValidationIsAWarningToo() {
        List<String> w = SplitCoverage.warnings(data(TinyData.train(), without(TinyData.validation(), 1)));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("warning: class 1 (disk) has 0 voxels in the validation split (4 slices, 1,024 voxels;"),
                w.get(0));
    }

    @Test
    void fullCoverageSaysNothing() {
        assertEquals(List.of(), SplitCoverage.warnings(data(TinyData.train(), TinyData.validation())));
    }
}
