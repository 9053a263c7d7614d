package org.regionwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;

/** Behaviour of individual layers beyond their gradients: init, modes, running statistics, dropout. */
class LayersTest {

    @Test
    void heInitHasTheNnUNetStandardDeviationAndZeroBias() {
        Conv2d conv = new Conv2d(16, 64, 3, 1, 1, 1, true, new Random(1));
        // std = sqrt(2 / ((1 + 0.01^2) * 16 * 9)) = 0.117845
        assertEquals(0.117845, std(conv.weight().data()), 0.117845 * 0.03);
        assertArrayEquals(new float[64], conv.bias().data());
        // Transposed conv (in 64, out 8, 2x2): PyTorch's fan-in is axis 1 times the receptive field, 8 * 4.
        ConvTranspose2d up = ConvTranspose2d.upsampling(64, 8, 2, new Random(2));
        assertEquals(32, Init.fanIn(up.weight().shape()));
        assertEquals(Math.sqrt(2 / (1.0001 * 32)), std(up.weight().data()), 0.25 * 0.04);
        assertNull(up.bias());
    }

    @Test
    void batchNormRunningStatisticsUseTheUnbiasedVariance() {
        BatchNorm2d bn = new BatchNorm2d(1);
        // One channel, values 1, 2, 3, 4 (M = 4): mean 2.5, biased var 1.25, unbiased 5/3.
        bn.forward(Tensor.of(new float[] {1, 2, 3, 4}, 2, 1, 1, 2));
        assertEquals(0.9f * 0 + 0.1f * 2.5f, bn.runningMean().item(), 1e-7f);
        assertEquals(0.9f * 1 + 0.1f * (5f / 3f), bn.runningVar().item(), 1e-6f);
    }

    @Test
    void trainEvalSwitchChangesBatchNorm() {
        BatchNorm2d bn = new BatchNorm2d(1);
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
        float[] trained = bn.forward(x).toArray();
        // Training: batch statistics, so the output has zero mean.
        assertEquals(0, trained[0] + trained[1] + trained[2] + trained[3], 1e-5);
        bn.eval();
        float[] running = bn.runningMean().toArray();
        float[] evaluated = bn.forward(x).toArray();
        // Evaluation: the running statistics (mean 0.25, var 0.9 + 0.1 * 5/3), which are not updated.
        float invStd = (float) (1 / Math.sqrt(0.9 + 0.1 * 5.0 / 3.0 + 1e-5));
        assertEquals((1 - 0.25f) * invStd, evaluated[0], 1e-5f);
        assertNotEquals(trained[0], evaluated[0]);
        assertArrayEquals(running, bn.runningMean().toArray());
        // A model-level switch reaches the layer.
        Sequential model = new Sequential(bn);
        model.train();
        assertTrue(bn.isTraining());
    }

    @Test
    void instanceNormIsTheSameInBothModes() {
        InstanceNorm2d norm = new InstanceNorm2d(2, true);
        Tensor x = Tensor.randn(new Random(3), 2, 2, 3, 3);
        float[] a = norm.forward(x).toArray();
        norm.eval();
        assertArrayEquals(a, norm.forward(x).toArray());
        assertEquals(0, new InstanceNorm2d(2, false).parameterCount());
    }

    @Test
    void dropoutZeroesAboutPAndKeepsTheExpectation() {
        Dropout dropout = new Dropout(0.25, new Random(4));
        Tensor x = Tensor.ones(1, 1, 100, 100);
        float[] y = dropout.forward(x).toArray();
        int zeros = 0;
        double sum = 0;
        for (float v : y) {
            if (v == 0) zeros++;
            else assertEquals(1 / 0.75f, v, 1e-6f);
            sum += v;
        }
        assertEquals(0.25, zeros / 10000.0, 0.02);
        assertEquals(1.0, sum / 10000, 0.03);
        dropout.eval();
        assertSame(x, dropout.forward(x));
        // Same seed, same masks.
        float[] again = new Dropout(0.25, new Random(4)).forward(x).toArray();
        assertArrayEquals(y, again);
    }

    @Test
    void sequentialChainsAndNamesByIndex() {
        Random r = new Random(5);
        Sequential s = new Sequential(new Conv2d(1, 2, 3, 1, 1, 1, true, r), new LeakyReLU(), new Conv2d(2, 1, 1, r));
        assertEquals(java.util.List.of("0.weight", "0.bias", "2.weight", "2.bias"), java.util.List.copyOf(s.namedParameters().keySet()));
        assertArrayEquals(new int[] {1, 1, 4, 4}, s.forward(Tensor.zeros(1, 1, 4, 4)).shape());
    }

    @Test
    void channelMismatchesNameTheShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> new InstanceNorm2d(3, true).forward(Tensor.zeros(1, 2, 2, 2)));
        assertTrue(e.getMessage().contains("[1, 2, 2, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(0, 2, 3, new Random()));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5, new Random()));
    }

    private static double std(float[] d) {
        double mean = 0;
        for (float v : d) mean += v;
        mean /= d.length;
        double var = 0;
        for (float v : d) var += (v - mean) * (v - mean);
        return Math.sqrt(var / d.length);
    }
}
