package org.regionwise.layers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.optim.Adam;

/**
 * The whole training path works: a tiny U-Net with deep supervision, cross-entropy from log-softmax and
 * Adam drives the loss on one fixed batch down by 10x. Sized to run in seconds on the reference kernels.
 */
class UNet2dOverfitTest {
    private static final int SIZE = 32;
    private static final int CLASSES = 3;

    /** A noisy image with a bright disc (class 1) and a dark square (class 2) on background (class 0). */
    private static int[] drawScene(float[] image, Random r) {
        int[] labels = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int i = y * SIZE + x;
                boolean disc = (x - 10) * (x - 10) + (y - 11) * (y - 11) <= 36;
                boolean square = x >= 18 && x < 28 && y >= 16 && y < 26;
                labels[i] = disc ? 1 : square ? 2 : 0;
                image[i] = (disc ? 1f : square ? -1f : 0f) + 0.3f * (float) r.nextGaussian();
            }
        }
        return labels;
    }

    private static Tensor oneHot(int[] labels, int h, int w) {
        float[] d = new float[CLASSES * h * w];
        for (int i = 0; i < labels.length; i++) d[labels[i] * h * w + i] = 1f;
        return Tensor.of(d, 1, CLASSES, h, w);
    }

    /** -mean over pixels of sum_k y_k log softmax(x)_k. */
    private static Tensor crossEntropy(Tensor logits, Tensor oneHot) {
        return logits.logSoftmax(1).mul(oneHot).sum(1, false).mean().neg();
    }

    @Test
    void overfitsOneBatch() {
        Random r = new Random(11);
        float[] image = new float[SIZE * SIZE];
        int[] labels = drawScene(image, r);
        Tensor x = Tensor.of(image, 1, 1, SIZE, SIZE);
        Tensor full = oneHot(labels, SIZE, SIZE);
        Tensor half = oneHot(Functional.resizeLabels(labels, 1, SIZE, SIZE, SIZE / 2, SIZE / 2), SIZE / 2, SIZE / 2);

        UNet2d net = new UNet2d(new UNet2dConfig(1, CLASSES, 3, 4, 16, NormType.INSTANCE, true), new Random(12));
        Adam adam = new Adam(net.parameters(), 1e-2);
        float first = Float.NaN;
        float last = Float.NaN;
        int steps = 0;
        long start = System.nanoTime();
        for (; steps < 150; steps++) {
            List<Tensor> out = net.forward(x);
            Tensor lossFull = crossEntropy(out.get(0), full);
            // Deep supervision as nnU-Net weighs it for 3 levels: 1 and 0.5 (the lowest output weighs 0).
            Tensor loss = lossFull.add(crossEntropy(out.get(1), half).mul(0.5f));
            adam.zeroGrad();
            loss.backward();
            adam.step();
            if (steps == 0) first = lossFull.item();
            last = lossFull.item();
            if (last < first / 10) break;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("UNet2dOverfitTest: cross-entropy %.4f -> %.4f in %d Adam steps, %.1f s%n", first, last, steps + 1, seconds);
        assertTrue(first > 0.7f, "initial cross-entropy should be near ln 3, was " + first);
        assertTrue(last < first / 10, "cross-entropy should fall 10x within 150 steps: " + first + " -> " + last);
    }
}
