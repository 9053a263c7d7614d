package org.regionwise.experiments.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.regionwise.experiments.data.Slice;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2dConfig;

/**
 * A small synthetic segmentation task for trainer tests: 16 x 16 slices with a bright disk (class 1)
 * and a dark square (class 2) on a noisy background, a tiny 3-level U-Net, options for a few steps.
 */
public final class TinyData {
    public static final List<String> CLASSES = List.of("background", "disk", "square");
    public static final int SIZE = 16;

    private TinyData() {}

    /** {@code volumes} volumes of {@code slices} slices each, drawn from {@code seed}. */
    public static SliceDataset slices(String name, int volumes, int slices, long seed) {
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

    public static SliceDataset train() {
        return slices("train", 2, 6, 1);
    }

    public static SliceDataset validation() {
        return slices("val", 1, 4, 2);
    }

    /** 3 levels, 4 base filters: about 3,000 parameters. */
    public static UNet2dConfig network() {
        return new UNet2dConfig(1, CLASSES.size(), 3, 4, 16, NormType.INSTANCE, true);
    }

    public static DataSpec spec() {
        return new DataSpec("tiny", "synthetic disks and squares", 1, 0.2, CLASSES, List.of("image"), SliceAxis.Z, SIZE, SIZE,
                new double[] {1, 1});
    }

    /** 3 epochs of 3 steps of batch 4, lr 1e-2, validation every epoch. */
    public static TrainingOptions options(long seed) {
        return new TrainingOptions("rrw", 3, 3, 4, 1e-2, TrainingOptions.WEIGHT_DECAY, seed, 1, true, null);
    }

    public static TrainingSetup.Builder setup(TrainingOptions options, Path checkpoint) {
        return TrainingSetup.builder(network(), options, spec(), train(), validation(), checkpoint);
    }
}
