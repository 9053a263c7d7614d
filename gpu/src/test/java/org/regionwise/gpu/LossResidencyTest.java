package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.testing.UNet2dTraining;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.losses.DeepSupervisionLoss;
import org.regionwise.losses.LossRegistry;

/**
 * Residency of every registered loss (LossRegistry), with and without deep supervision, and of batch norm: on
 * the plain-Java device, a steady-state UNet2d training step through autodiff moves exactly
 * <ul>
 *   <li>up: the image, and the target tensors the loss reads (one-hot labels, maps, per-target weights), once
 *       per target and evaluated output size: a step on the same target again uploads only its image;</li>
 *   <li>down: the loss (one float), read as a training loop logs it;</li>
 * </ul>
 * and nothing else: {@code lovasz} too, whose errors are sorted on the device. {@link #EXPECTED} is the table of
 * what each loss reads; every registry name must be in it.
 */
class LossResidencyTest {
    /**
     * Per loss: (B, C, h, w) target tensors uploaded per new target and evaluated output size, and floats of
     * per-target constants per (image, class) (generalised Dice's weights).
     */
    record Expected(int targetPlanes, int perImageClass) {}

    private static final Expected ONE = new Expected(1, 0);
    private static final Expected TWO = new Expected(2, 0);
    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            // RW losses: their map. Pixel-wise: the one-hot labels, or wce's weights y |z|.
            Map.entry("rrw", ONE), Map.entry("rw-boundary", ONE), Map.entry("rw-boundary-kervadec", ONE),
            Map.entry("rw-boundary-rectified", ONE), Map.entry("rw-ac", ONE), Map.entry("rw-cao", ONE), Map.entry("rw-hd", ONE),
            Map.entry("ce", ONE), Map.entry("wce-rrw", ONE), Map.entry("focal", ONE),
            // Overlap losses: the one-hot labels (label counts are summed on the device); gdice adds its weights;
            // lovasz sorts its errors on the device and reads the one-hot labels.
            Map.entry("dice", ONE), Map.entry("dice-squared", ONE), Map.entry("dice-smooth", ONE), Map.entry("dice-batch", ONE),
            Map.entry("dice-nobg", ONE), Map.entry("gdice", new Expected(1, 1)), Map.entry("jaccard", ONE),
            Map.entry("tversky", ONE), Map.entry("lovasz", ONE), Map.entry("dice-ce", ONE),
            // Distance losses: the level set / distance map, with the one-hot labels where the loss also reads them.
            Map.entry("boundary-term", ONE), Map.entry("boundary", TWO), Map.entry("boundary-kervadec", new Expected(2, 1)),
            Map.entry("ac", ONE), Map.entry("ac-length", ONE), Map.entry("hd", TWO), Map.entry("cao", ONE),
            // Combinations of a regional loss and an RW loss: one-hot labels and the map.
            Map.entry("equal-ce-rrw", TWO), Map.entry("gradual-ce-rrw", TWO), Map.entry("equal-ce-rw-boundary", TWO),
            Map.entry("gradual-ce-rw-boundary", TWO), Map.entry("equal-dice-rrw", TWO), Map.entry("gradual-dice-rrw", TWO),
            Map.entry("equal-dice-rw-boundary", TWO), Map.entry("gradual-dice-rw-boundary", TWO));

    @Test
    void everyRegisteredLossHasAnExpectation() {
        assertEquals(new java.util.TreeSet<>(LossRegistry.names()), new java.util.TreeSet<>(EXPECTED.keySet()));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : LossRegistry.names()) {
            cases.add(Arguments.of(name, false));
            cases.add(Arguments.of(name, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, deep supervision {1}")
    @MethodSource("cases")
    void aSteadyStateStepMovesOnlyItsBatchAndTheLoss(String lossName, boolean deepSupervision) {
        UNet2dConfig config = deepSupervision ? UNet2dTraining.DEEP_CONFIG : UNet2dTraining.CONFIG;
        assertResident(lossName, config);
    }

    /** Batch norm (forward, backward and running statistics on the device) instead of instance norm. */
    @ParameterizedTest(name = "batch norm, {0}, deep supervision {1}")
    @MethodSource("batchNormCases")
    void batchNormStaysResident(String lossName, boolean deepSupervision) {
        UNet2dConfig config = deepSupervision ? UNet2dTraining.DEEP_CONFIG : UNet2dTraining.CONFIG;
        assertResident(lossName, UNet2dTraining.withBatchNorm(config));
    }

    static Stream<Arguments> batchNormCases() {
        return Stream.of(Arguments.of("ce", false), Arguments.of("dice-ce", true), Arguments.of("rrw", false),
                Arguments.of("boundary", true));
    }

    /** What one step moved: floats each way and transfers each way. */
    record Moved(long upFloats, long downFloats, long uploads, long downloads, long launches) {
        static Moved since(TransferStats s, long[] before) {
            return new Moved(s.uploadedFloats() - before[0], s.downloadedFloats() - before[1], s.uploads() - before[2],
                    s.downloads() - before[3], s.launches() - before[4]);
        }

        static long[] mark(TransferStats s) {
            return new long[] {s.uploadedFloats(), s.downloadedFloats(), s.uploads(), s.downloads(), s.launches()};
        }

        @Override
        public String toString() {
            return uploads + " up (" + upFloats + " floats), " + downloads + " down (" + downFloats + " floats), " + launches
                    + " launches";
        }
    }

    static void assertResident(String lossName, UNet2dConfig config) {
        assertResident(GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 22), lossName, config);
    }

    /** The same count on any device backend (TornadoLossResidencyTest runs it through TornadoVM). */
    static void assertResident(GpuBackend backend, String lossName, UNet2dConfig config) {
        int size = config.deepSupervision() ? UNet2dTraining.DEEP_SIZE : 0;
        UNet2dTraining training = config.deepSupervision()
                ? new UNet2dTraining(backend, 5, lossName, config, size, size)
                : new UNet2dTraining(backend, 5, lossName, config, UNet2dTraining.HEIGHT, UNet2dTraining.WIDTH);
        TransferStats stats = backend.stats();
        training.step();
        long[] before = Moved.mark(stats);
        training.step();
        Moved fresh = Moved.since(stats, before);
        before = Moved.mark(stats);
        training.step(true);
        Moved reused = Moved.since(stats, before);

        Expected e = EXPECTED.get(lossName);
        long targetFloats = 0;
        int classes = config.classes();
        for (int[] hw : evaluatedSizes(training)) {
            long plane = training.targetFloats(hw[0], hw[1]);
            targetFloats += e.targetPlanes() * plane + (long) e.perImageClass() * UNet2dTraining.BATCH * classes;
        }
        String what = lossName + (config.deepSupervision() ? " with deep supervision" : "") + ", " + config.norm();
        System.out.println("[gpu] steady-state step, " + what + ": new target " + fresh + "; same target " + reused
                + " (image " + training.imageFloats() + " floats, target tensors " + targetFloats + ")");
        assertEquals(training.imageFloats() + targetFloats, fresh.upFloats(), what + ", new target: " + fresh);
        assertEquals(1, fresh.downFloats(), what + ", new target: " + fresh);
        assertEquals(training.imageFloats(), reused.upFloats(), what + ", same target: " + reused);
        assertEquals(1, reused.downFloats(), what + ", same target: " + reused);
    }

    /** The output sizes the loss is evaluated at: full size, and half size too under deep supervision. */
    private static List<int[]> evaluatedSizes(UNet2dTraining training) {
        List<int[]> sizes = new ArrayList<>();
        int h = training.height();
        int w = training.width();
        double[] weights = training.config().deepSupervision()
                ? DeepSupervisionLoss.weights(training.config().levels() - 1) : new double[] {1};
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) sizes.add(new int[] {h >> i, w >> i});
        }
        return sizes;
    }
}
