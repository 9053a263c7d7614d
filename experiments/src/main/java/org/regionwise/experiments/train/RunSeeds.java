package org.regionwise.experiments.train;

import java.util.Random;

/**
 * Every random stream of a training run, derived from the one user seed.
 *
 * <p>Why derived per epoch instead of one long-lived generator: the batches of epoch {@code e} come
 * from a sampler seeded with {@link #epoch(long, int)}, a pure function of (seed, e). A checkpoint
 * therefore needs no generator state at all (java.util.Random's state cannot be saved portably, and
 * the data module's sampler uses a {@code SplittableRandom}, which cannot be saved either): resuming
 * at epoch e re-creates exactly the sampler the uninterrupted run would have used, and resuming in the
 * middle of an epoch replays (and discards) the batches already trained on.
 *
 * <p>The derivation is SplitMix64's finaliser (Steele, Lea, Flood 2014) over the seed and a stream
 * tag, so neighbouring seeds and epochs give unrelated streams.
 */
public final class RunSeeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long INIT_STREAM = 1;
    private static final long EPOCH_STREAM = 2;

    private RunSeeds() {}

    /** The generator that draws the network's initial weights. */
    public static Random weightInit(long seed) {
        return new Random(mix(seed, INIT_STREAM, 0));
    }

    /** The seed of epoch {@code epoch}'s batch sampler (order, crops, augmentation). */
    public static long epoch(long seed, int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        return mix(seed, EPOCH_STREAM, epoch);
    }

    /** SplitMix64 applied to the seed, then to the stream tag, then to the index. */
    static long mix(long seed, long stream, long index) {
        long z = splitMix(seed + GOLDEN);
        z = splitMix(z + stream * GOLDEN);
        return splitMix(z + index * GOLDEN);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
