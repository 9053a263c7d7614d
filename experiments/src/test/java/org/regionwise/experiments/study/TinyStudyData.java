package org.regionwise.experiments.study;

import java.util.List;
import org.regionwise.experiments.data.DatasetSource;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.train.TinyData;

/**
 * A small synthetic task for study tests, put into a {@link TrialEnvironment} under the data name
 * {@value #NAME}: the trainer tests' {@link TinyData} (16 x 16 slices with a bright disk and a dark square on
 * noise; 2 training volumes of 6 slices, 1 validation volume of 4 slices).
 */
final class TinyStudyData {
    static final String NAME = "tiny";

    private TinyStudyData() {}

    static TrainingData data() {
        return new TrainingData(new DatasetSource("tiny synthetic", DatasetSource.Kind.PHANTOM, List.of(), ""),
                TinyData.train(), TinyData.validation(), List.of());
    }

    /** A 3-level, 4-filter network, 2 epochs of 3 steps of batch 4, lr 1e-2, validated every epoch. */
    static TrialSpec spec(String loss, long seed) {
        return new TrialSpec(NAME, 1, 0.2, loss, seed, 2, 3, 4, 1e-2, 3, 4, 1, true, "");
    }

    static TrialEnvironment environment() {
        TrialEnvironment env = TrialEnvironment.plain();
        env.put(spec("rrw", 0), data());
        return env;
    }
}
