package org.regionwise.gpu.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;
import org.regionwise.losses.HostLovasz;

/**
 * The Lovasz kernels (plain Java, all launches of {@link LovaszKernels#launches}) against their reference twin
 * {@link HostLovasz#forward(int, int, int, float[], float[], float[])}, which sorts on the host and works in double:
 * images of 1 to 3, 2 to 5 classes, pixel counts that are mostly not powers of two, scan chunks from 1 pixel up
 * (so the blocked scan crosses chunk borders), classes absent from an image, and probabilities drawn from a few
 * values (many equal errors, so the tie order matters) or spread out.
 *
 * <p>Both sort the same float errors with the same tie-break (lower pixel first), so each pixel gets the same rank
 * and the gradient factor agrees element by element up to float rounding of the Jaccard gradient (the device's
 * closed form vs the host's double differences): 1e-5 relative plus 1e-6 of the largest factor. The loss is a
 * float sum on the device against a double sum: 1e-5 relative plus 1e-7.
 */
class LovaszKernelsProperties {

    @Property(tries = 200)
    void lossAndGradientMatchTheHost(@ForAll @IntRange(min = 1, max = 3) int batch, @ForAll @IntRange(min = 2, max = 5) int classes,
                                     @ForAll @IntRange(min = 1, max = 70) int n, @ForAll @IntRange(min = 1, max = 9) int chunk,
                                     @ForAll @IntRange(min = 1, max = 5) int sumChunk, @ForAll boolean ties,
                                     @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random random = new Random(seed);
        int count = batch * classes * n;
        float[] oneHot = new float[count];
        float[] probs = new float[count];
        for (int b = 0; b < batch; b++) {
            int used = 1 + random.nextInt(classes); // classes >= used are absent from this image
            for (int i = 0; i < n; i++) {
                int label = random.nextInt(used);
                oneHot[(b * classes + label) * n + i] = 1f;
            }
        }
        float[] levels = {0f, 0.25f, 0.5f, 1f, 0.125f};
        for (int i = 0; i < count; i++) probs[i] = ties ? levels[random.nextInt(levels.length)] : random.nextFloat();

        HeapImage image = new HeapImage(0, seed);
        int s = image.region(probs);
        int y = image.region(oneHot);
        int dProbs = image.region(count); // garbage: overwritten
        int loss = image.region(1);
        LovaszKernels.Scratch layout = LovaszKernels.Scratch.of(batch * classes, n, chunk, sumChunk, 0);
        int scratch = image.region(layout.floats());
        float[] heap = image.toArray();
        LovaszKernels.Scratch at = LovaszKernels.Scratch.of(batch * classes, n, chunk, sumChunk, scratch);
        for (Launch l : LovaszKernels.launches(batch, classes, at, s, y, dProbs, loss)) l.runOn(heap);

        float[] expected = new float[count];
        float expectedLoss = HostLovasz.forward(batch, classes, n, probs, oneHot, expected);
        float gradMax = 0;
        for (float v : expected) gradMax = Math.max(gradMax, Math.abs(v));
        new Tolerance(1e-6 * gradMax, 1e-5).assertClose("dProbs", expected, slice(heap, dProbs, count));
        new Tolerance(1e-7, 1e-5).assertClose("loss", new float[] {expectedLoss}, slice(heap, loss, 1));
    }

    /** Where an error is 0 (a probability exactly equal to its one-hot label) the factor is exactly 0, as on the host. */
    @Property(tries = 40)
    void exactPredictionsGetZeroGradientAndZeroLoss(@ForAll @IntRange(min = 1, max = 3) int batch,
                                                    @ForAll @IntRange(min = 2, max = 4) int classes,
                                                    @ForAll @IntRange(min = 1, max = 50) int n,
                                                    @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random random = new Random(seed);
        int count = batch * classes * n;
        float[] oneHot = new float[count];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) oneHot[(b * classes + random.nextInt(classes)) * n + i] = 1f;
        }
        HeapImage image = new HeapImage(0, seed);
        int s = image.region(oneHot.clone());
        int y = image.region(oneHot);
        int dProbs = image.region(count);
        int loss = image.region(1);
        LovaszKernels.Scratch layout = LovaszKernels.Scratch.of(batch * classes, n, DEFAULT_CHUNK, 256, 0);
        int scratch = image.region(layout.floats());
        float[] heap = image.toArray();
        for (Launch l : LovaszKernels.launches(batch, classes,
                LovaszKernels.Scratch.of(batch * classes, n, DEFAULT_CHUNK, 256, scratch), s, y, dProbs, loss)) {
            l.runOn(heap);
        }
        assertEquals(0f, heap[loss], "loss of a perfect prediction");
        for (int i = 0; i < count; i++) assertEquals(0f, Math.abs(heap[dProbs + i]), "factor at " + i);
    }

    private static final int DEFAULT_CHUNK = 256;
}
