package org.regionwise.experiments.study;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regionwise.experiments.data.DatasetSource;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.experiments.data.TrainingData;

/**
 * A small synthetic task for study tests, put into a {@link TrialEnvironment} under the data name
 * {@value #NAME}: 16 x 16 slices with a bright disk (class 1) and a dark square (class 2) on noise; 2 training
 * volumes of 6 slices, 1 validation volume of 4 slices.
 */
final class TinyStudyData {
    static final String NAME = "tiny";
    static final List<String> CLASSES = List.of("background", "disk", "square");
    static final int SIZE = 16;

    private TinyStudyData() {}

    static TrainingData data() {
        return new TrainingData(new DatasetSource("tiny synthetic", DatasetSource.Kind.PHANTOM, List.of(), ""),
                slices("train", 2, 6, 1), slices("val", 1, 4, 2), List.of());
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

    static SliceDataset slices(String name, int volumes, int slices, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Slice> out = new ArrayList<>();
        for (int v = 0; v < volumes; v++) {
            for (int k = 0; k < slices; k++) {
                int cy = 5 + rng.nextInt(6), cx = 5 + rng.nextInt(6), r = 2 + rng.nextInt(3);
                int sy = rng.nextInt(SIZE - 4), sx = rng.nextInt(SIZE - 4);
                float[] image = new float[SIZE * SIZE];
                int[] label = new int[SIZE * SIZE];
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        int i = y * SIZE + x;
                        if (y >= sy && y < sy + 3 && x >= sx && x < sx + 3) label[i] = 2;
                        else if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r) label[i] = 1;
                        image[i] = (label[i] == 1 ? 1.5f : label[i] == 2 ? -1.5f : 0f) + (float) (0.3 * rng.nextGaussian());
                    }
                }
                out.add(new Slice(name + v, k, 1, SIZE, SIZE, image, label, 1.0, 1.0, 2.0));
            }
        }
        return new SliceDataset(name, out, CLASSES, List.of("image"), SliceAxis.Z);
    }
}
