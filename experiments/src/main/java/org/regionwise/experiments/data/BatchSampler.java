package org.regionwise.experiments.data;

import java.util.SplittableRandom;

/**
 * Draws training batches from a {@link SliceDataset}: the same seed gives the same batches, in the same
 * order, on any machine.
 *
 * <p>Order: slices are visited in a seeded random permutation, reshuffled each time it runs out (every
 * slice once per epoch; an epoch may end mid-batch). Each slice becomes one patch of the sampler's fixed
 * size: a dimension shorter than the patch is padded after the data (image 0 = the z-scored mean, label
 * 0 = background, as {@link Padding}); a longer one is cropped at a random offset. With augmentation,
 * each patch then gets a random {@link SliceTransform}: flips of rows and columns, and transposes (hence
 * 90-degree rotations) only when the patch is square and the slice's pixels are too.
 *
 * <p>Not thread-safe: one sampler per training loop.
 */
public final class BatchSampler {
    private final SliceDataset data;
    private final int batchSize;
    private final int patchHeight;
    private final int patchWidth;
    private final boolean augment;
    private final SplittableRandom rng;
    private final int[] order;
    private int next;
    // one slice placed into the patch, before its transform; reused across samples
    private final float[] patchImage;
    private final int[] patchLabel;

    /**
     * @param data        the slices to sample (not empty)
     * @param batchSize   B, at least 1
     * @param patchHeight H of every batch
     * @param patchWidth  W of every batch
     * @param augment     whether to apply random flips and (square patches) rotations
     * @param seed        fixes the order, crops and augmentations
     */
    public BatchSampler(SliceDataset data, int batchSize, int patchHeight, int patchWidth, boolean augment, long seed) {
        if (data.isEmpty()) throw new IllegalArgumentException(data.name() + ": cannot sample batches from no slices");
        if (batchSize < 1 || patchHeight < 1 || patchWidth < 1) {
            throw new IllegalArgumentException("batch size and patch size must be >= 1, got " + batchSize + ", "
                    + patchHeight + "x" + patchWidth);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.patchHeight = patchHeight;
        this.patchWidth = patchWidth;
        this.augment = augment;
        this.rng = new SplittableRandom(seed);
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.next = order.length; // shuffle on first use
        this.patchImage = new float[data.channels() * patchHeight * patchWidth];
        this.patchLabel = new int[patchHeight * patchWidth];
    }

    /**
     * A sampler whose patch is the largest slice rounded up to the network's divisibility
     * ({@link Padding#divisor}): every slice fits whole, nothing is cropped.
     *
     * @param levels resolution levels of the U-Net (5 levels: multiples of 16)
     */
    public static BatchSampler forNetwork(SliceDataset data, int batchSize, int levels, boolean augment, long seed) {
        int d = Padding.divisor(levels);
        return new BatchSampler(data, batchSize, Padding.roundUp(data.maxHeight(), d), Padding.roundUp(data.maxWidth(), d),
                augment, seed);
    }

    /** B. */
    public int batchSize() { return batchSize; }

    /** H of every batch. */
    public int patchHeight() { return patchHeight; }

    /** W of every batch. */
    public int patchWidth() { return patchWidth; }

    /** The next random batch, in new arrays. */
    public Batch next() {
        float[] images = new float[batchSize * data.channels() * patchHeight * patchWidth];
        int[] labels = new int[batchSize * patchHeight * patchWidth];
        int[] indices = nextInto(images, labels);
        return new Batch(batchSize, data.channels(), patchHeight, patchWidth, images, labels, indices);
    }

    /**
     * The next random batch written into the caller's buffers (reused across steps, so a training loop
     * allocates nothing per step): images (B, C, H, W), labels (B, H, W). Returns the slice indices.
     */
    public int[] nextInto(float[] images, int[] labels) {
        checkBuffers(images, labels);
        int[] indices = new int[batchSize];
        for (int b = 0; b < batchSize; b++) {
            if (next == order.length) shuffle();
            indices[b] = order[next++];
            Slice s = data.get(indices[b]);
            int top = s.height() > patchHeight ? rng.nextInt(s.height() - patchHeight + 1) : 0;
            int left = s.width() > patchWidth ? rng.nextInt(s.width() - patchWidth + 1) : 0;
            boolean squarePixels = s.dy() == s.dx();
            SliceTransform t = augment ? SliceTransform.random(rng, patchHeight == patchWidth && squarePixels)
                    : SliceTransform.IDENTITY;
            place(s, top, left, b, t, images, labels);
        }
        return indices;
    }

    /**
     * The given slices as one batch, without randomness or augmentation (for validation): shorter
     * dimensions padded after the data, longer ones cropped to their centre.
     */
    public Batch batchOf(int... sliceIndices) {
        int n = sliceIndices.length;
        float[] images = new float[n * data.channels() * patchHeight * patchWidth];
        int[] labels = new int[n * patchHeight * patchWidth];
        for (int b = 0; b < n; b++) {
            Slice s = data.get(sliceIndices[b]);
            int top = Math.max(0, (s.height() - patchHeight) / 2);
            int left = Math.max(0, (s.width() - patchWidth) / 2);
            place(s, top, left, b, SliceTransform.IDENTITY, images, labels);
        }
        return new Batch(n, data.channels(), patchHeight, patchWidth, images, labels, sliceIndices.clone());
    }

    /** Copies the window of {@code s} at (top, left) into the patch buffers, then transforms it into sample b. */
    private void place(Slice s, int top, int left, int b, SliceTransform t, float[] images, int[] labels) {
        java.util.Arrays.fill(patchImage, 0f);
        java.util.Arrays.fill(patchLabel, 0);
        int rows = Math.min(patchHeight, s.height() - top);
        int cols = Math.min(patchWidth, s.width() - left);
        int sp = s.pixels(), pp = patchHeight * patchWidth;
        for (int c = 0; c < s.channels(); c++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(s.image(), c * sp + (top + r) * s.width() + left, patchImage, c * pp + r * patchWidth, cols);
            }
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(s.label(), (top + r) * s.width() + left, patchLabel, r * patchWidth, cols);
        }
        t.apply(patchImage, s.channels(), patchHeight, patchWidth, images, b * s.channels() * pp);
        t.apply(patchLabel, patchHeight, patchWidth, labels, b * pp);
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) { // Fisher-Yates
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        next = 0;
    }

    private void checkBuffers(float[] images, int[] labels) {
        int pixels = batchSize * patchHeight * patchWidth;
        if (images.length != pixels * data.channels() || labels.length != pixels) {
            throw new IllegalArgumentException("buffers for (" + batchSize + ", " + data.channels() + ", " + patchHeight + ", "
                    + patchWidth + ") need " + pixels * data.channels() + " image and " + pixels + " label values, got "
                    + images.length + " and " + labels.length);
        }
    }
}
