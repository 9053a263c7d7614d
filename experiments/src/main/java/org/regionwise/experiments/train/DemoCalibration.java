package org.regionwise.experiments.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.maps.MapOptions;

/**
 * Measures how long a training step and a validation pass take on this machine, so the demo can pick
 * an epoch count that fits its budget. Runs the real trainer for a few steps on a throwaway model (the
 * first steps also warm up the JIT, which the measurement leaves out) and one validation pass.
 *
 * @param secondsPerStep    median time of the measured steps
 * @param validationSeconds time of one validation pass over the validation split
 */
public record DemoCalibration(double secondsPerStep, double validationSeconds) {
    /** Steps run; the first {@value #WARM_UP} are not measured. */
    static final int STEPS = 6;
    static final int WARM_UP = 2;

    /** Times {@value #STEPS} steps of {@code network} on {@code train} and one validation pass on {@code validation}. */
    public static DemoCalibration measure(UNet2dConfig network, DataSpec data, SliceDataset train, SliceDataset validation,
                                          MapOptions mapOptions, Path scratch) throws IOException {
        List<Long> stamps = new ArrayList<>();
        Progress timer = new Progress() {
            @Override
            public void step(StepReport report) {
                stamps.add(System.nanoTime());
            }
        };
        TrainingOptions options = new TrainingOptions(DemoPlan.LOSS, 1, STEPS, DemoPlan.BATCH, DemoPlan.LEARNING_RATE,
                TrainingOptions.WEIGHT_DECAY, 12345, 0, true, null);
        Files.createDirectories(scratch);
        Path dir = Files.createTempDirectory(scratch, ".calibration");
        try {
            Trainer trainer = Trainer.start(TrainingSetup.builder(network, options, data, train, validation,
                    dir.resolve("checkpoint.npz")).progress(timer).mapOptions(mapOptions).build());
            trainer.run();
            double[] gaps = new double[stamps.size() - WARM_UP];
            for (int i = WARM_UP; i < stamps.size(); i++) gaps[i - WARM_UP] = (stamps.get(i) - stamps.get(i - 1)) / 1e9;
            Arrays.sort(gaps);
            double perStep = gaps[gaps.length / 2];
            double validationSeconds = 0;
            if (!validation.isEmpty()) {
                long v0 = System.nanoTime();
                VolumeSegmentation.predictAll(validation, new SlicePredictor(trainer.model(), DemoPlan.BATCH));
                validationSeconds = (System.nanoTime() - v0) / 1e9;
            }
            return new DemoCalibration(perStep, validationSeconds);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
