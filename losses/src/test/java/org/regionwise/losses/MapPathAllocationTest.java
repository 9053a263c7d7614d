package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.regionwise.autodiff.BufferArena;
import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapCache;

/**
 * DESIGN.md's map path in a training step (a {@link BufferArena} scope, as the trainer runs it): the target's
 * label copy, its deep-supervision resized labels and its map buffers come from the arena, and every map from one
 * {@link MapCache}. So once each label image has been mapped, a step with a Region-wise loss allocates no
 * per-pixel buffer; and the labels are checked once per step, when the step's target is built.
 */
class MapPathAllocationTest {
    private static final int B = 4;
    private static final int C = 4;
    private static final int H = 64;
    private static final int W = 64;
    /** Small objects of a step (tensors, tape nodes, lambdas, pool tasks): far below one label image of the batch. */
    private static final long SMALL_BYTES_PER_STEP = 32 * 1024;

    /** {@code mapsPerImage}: cache entries one image needs (a derived map is cached beside the map it derives from). */
    @ParameterizedTest
    @CsvSource({"rrw, 1", "rw-boundary-rectified, 2", "rw-hd, 2"})
    void steadyStateStepsAllocateNoPerPixelMapBuffers(String lossName, int mapsPerImage) {
        Random r = new Random(5);
        int[] labels = LossFixtures.regions(r, B, H, W, C);
        List<Tensor> logits = deepSupervisionLogits(r);
        DeepSupervisionLoss loss = new DeepSupervisionLoss(LossRegistry.create(lossName));
        MapCache cache = new MapCache();
        BufferArena arena = new BufferArena();
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        // The first steps map each label image (one per image and scale) and size the arena's free lists.
        for (int i = 0; i < 3; i++) step(arena, loss, labels, logits, cache);
        long misses = cache.misses();
        long arenaAllocations = arena.allocatedCount();
        long before = allocated(bean);
        int steps = 5;
        for (int i = 0; i < steps; i++) step(arena, loss, labels, logits, cache);
        long perStep = (allocated(bean) - before) / steps;

        assertEquals(misses, cache.misses(), "steady state: every map comes from the cache");
        assertEquals(B * 3L * mapsPerImage, misses, "each image mapped once per weighted scale (64, 32, 16; the 8x8 output has weight 0)");
        assertEquals(arenaAllocations, arena.allocatedCount(), "steady state: every buffer comes from the arena's free lists");
        long labelImage = 4L * B * H * W;
        assertTrue(perStep < SMALL_BYTES_PER_STEP, lossName + ": allocated " + perStep + " bytes per step; the batch's labels alone"
                + " are " + labelImage + " bytes and its full-resolution map " + labelImage * C);
    }

    @Test
    void aStepChecksItsLabelsOnceWhateverTheScalesAndLosses() {
        Random r = new Random(6);
        int[] labels = LossFixtures.regions(r, B, H, W, C);
        List<Tensor> logits = deepSupervisionLogits(r);
        // Dice + RW-Boundary: one-hot labels and a map at every scale, over three resized targets.
        DeepSupervisionLoss loss = new DeepSupervisionLoss(LossRegistry.create("boundary"));
        BufferArena arena = new BufferArena();
        long before = Target.labelChecks();
        step(arena, loss, labels, logits, new MapCache());
        assertEquals(1, Target.labelChecks() - before, "the step's target checks its labels; resized targets trust them");
    }

    /** One step as the trainer takes it: target built inside the scope, forward, backward, scope closed. */
    private static void step(BufferArena arena, DeepSupervisionLoss loss, int[] labels, List<Tensor> logits, MapCache cache) {
        try (var scope = arena.open()) {
            Target target = Target.builder(labels, B, H, W, C).cache(cache).ignoreLabel(C).build();
            Tensor l = loss.forward(logits, target);
            assertTrue(Double.isFinite(l.item()));
            l.backward();
        }
    }

    /** Logits at 64, 32, 16 and 8 pixels: a 4-level U-Net's deep-supervision outputs. */
    private static List<Tensor> deepSupervisionLogits(Random r) {
        List<Tensor> logits = new ArrayList<>();
        for (int size = H; size >= H / 8; size /= 2) logits.add(LossFixtures.logits(r, B, C, size, size));
        return logits;
    }

    private static long allocated(com.sun.management.ThreadMXBean bean) {
        long sum = 0;
        for (long b : bean.getThreadAllocatedBytes(bean.getAllThreadIds())) if (b > 0) sum += b;
        return sum;
    }
}
