package org.regionwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;

/** The nnU-Net 2D U-Net: output shapes, parameter counts by hand, input validation, checkpoints. */
class UNet2dTest {

    private static List<int[]> shapes(UNet2d net, int... inputShape) {
        try (var scope = GradMode.noGrad()) {
            return net.forward(Tensor.zeros(inputShape)).stream().map(Tensor::shape).toList();
        }
    }

    @Test
    void deepSupervisionOutputsFullResolutionFirst() {
        UNet2d net = new UNet2d(new UNet2dConfig(1, 3, 4, 4, 32, NormType.INSTANCE, true), new Random(1));
        List<int[]> out = shapes(net, 2, 1, 16, 24);
        assertEquals(3, out.size());
        assertArrayEquals(new int[] {2, 3, 16, 24}, out.get(0));
        assertArrayEquals(new int[] {2, 3, 8, 12}, out.get(1));
        assertArrayEquals(new int[] {2, 3, 4, 6}, out.get(2));
        net.setDeepSupervision(false);
        List<int[]> single = shapes(net, 2, 1, 16, 24);
        assertEquals(1, single.size());
        assertArrayEquals(new int[] {2, 3, 16, 24}, single.get(0));
    }

    @Test
    void shapesForSeveralConfigs() {
        UNet2d twoLevels = new UNet2d(new UNet2dConfig(2, 2, 2, 2, 4, NormType.BATCH, true), new Random(2));
        List<int[]> a = shapes(twoLevels, 1, 2, 6, 4);
        assertEquals(1, a.size());
        assertArrayEquals(new int[] {1, 2, 6, 4}, a.get(0));

        UNet2d fiveLevels = new UNet2d(new UNet2dConfig(1, 4, 5, 2, 8, NormType.INSTANCE, false), new Random(3));
        List<int[]> b = shapes(fiveLevels, 1, 1, 32, 16);
        assertEquals(1, b.size());
        assertArrayEquals(new int[] {1, 4, 32, 16}, b.get(0));
        fiveLevels.setDeepSupervision(true);
        assertArrayEquals(new int[] {1, 4, 4, 2}, shapes(fiveLevels, 1, 1, 32, 16).get(3));
    }

    @Test
    void parameterCountOfATwoLevelNetByHand() {
        // in 1, classes 2, levels 2, filters 4 then 8, instance norm (affine: 2 per channel).
        //   encoder.0: conv1 1*4*9 + 4 = 40, norm1 8, conv2 4*4*9 + 4 = 148, norm2 8            =  204
        //   encoder.1: conv1 4*8*9 + 8 = 296, norm1 16, conv2 8*8*9 + 8 = 584, norm2 16         =  912
        //   decoder.0: up 8*4*2*2 = 128 (no bias), conv1 8*4*9 + 4 = 292, norm1 8, conv2 148, norm2 8 = 584
        //   heads.0:   4*2 = 8 (1x1, no bias)                                                  =    8
        //                                                                                   total 1708
        UNet2d net = new UNet2d(new UNet2dConfig(1, 2, 2, 4, 480, NormType.INSTANCE, true), new Random(1));
        assertEquals(1708, net.parameterCount());
    }

    @Test
    void parameterCountWithTheCapAndBatchNormByHand() {
        // in 2, classes 3, levels 3, base 4, cap 6: filters 4, 6, 6. Batch norm: 2 parameters per channel.
        //   encoder.0: 2*4*9+4 = 76, 8, 4*4*9+4 = 148, 8                           =  240
        //   encoder.1: 4*6*9+6 = 222, 12, 6*6*9+6 = 330, 12                         =  576
        //   encoder.2: 330, 12, 330, 12                                             =  684
        //   decoder.0 (6 -> skip 6): up 6*6*4 = 144, 12*6*9+6 = 654, 12, 330, 12    = 1152
        //   heads.0: 6*3 = 18
        //   decoder.1 (6 -> skip 4): up 6*4*4 = 96, 8*4*9+4 = 292, 8, 148, 8        =  552
        //   heads.1: 4*3 = 12
        //                                                                     total 3234
        UNet2d net = new UNet2d(new UNet2dConfig(2, 3, 3, 4, 6, NormType.BATCH, true), new Random(1));
        assertEquals(3234, net.parameterCount());
        assertEquals(List.of(4, 6, 6), List.of(net.config().filters(0), net.config().filters(1), net.config().filters(2)));
        // Running statistics are buffers, not parameters: two per channel per norm.
        assertEquals(2 * 2 * (4 + 6 + 6 + 6 + 4), net.namedBuffers().values().stream().mapToInt(Tensor::numel).sum());
    }

    @Test
    void namesFollowTheDocumentedTree() {
        UNet2d net = new UNet2d(new UNet2dConfig(1, 2, 3, 4, 480, NormType.INSTANCE, true), new Random(1));
        var names = net.namedParameters().keySet();
        assertEquals("encoder.0.conv1.weight", names.iterator().next());
        assertTrue(names.contains("encoder.2.norm2.bias"));
        assertTrue(names.contains("decoder.0.up.weight"));
        assertFalse(names.contains("decoder.0.up.bias"));
        assertTrue(names.contains("decoder.1.convs.conv2.bias"));
        assertTrue(names.contains("heads.1.weight"));
        assertFalse(names.contains("heads.1.bias"));
    }

    @Test
    void benchmarkConfigSize() {
        // The benchmark network: 5 levels, 32 base filters capped at 512 (32, 64, 128, 256, 512).
        UNet2d net = new UNet2d(UNet2dConfig.nnUNet(1, 4, 5).withFilters(32, 512), new Random(1));
        // Same per-stage arithmetic as the hand counts above, summed for these widths, 1 channel in, 4 classes.
        assertEquals(7_766_816, net.parameterCount());
    }

    @Test
    void inputValidationNamesShapeAndDivisor() {
        UNet2d net = new UNet2d(new UNet2dConfig(1, 2, 4, 2, 8, NormType.INSTANCE, true), new Random(1));
        var e = assertThrows(IllegalArgumentException.class, () -> net.forward(Tensor.zeros(1, 1, 20, 16)));
        assertTrue(e.getMessage().contains("[1, 1, 20, 16]") && e.getMessage().contains("divisible by 8"), e.getMessage());
        var channels = assertThrows(IllegalArgumentException.class, () -> net.forward(Tensor.zeros(1, 3, 16, 16)));
        assertTrue(channels.getMessage().contains("[1, 3, 16, 16]"), channels.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UNet2dConfig(1, 2, 1, 32, 480, NormType.INSTANCE, true));
        assertThrows(IllegalArgumentException.class, () -> new UNet2dConfig(1, 2, 3, 32, 16, NormType.INSTANCE, true));
    }

    @Test
    void stateDictRoundTripGivesTheSameOutputs() {
        UNet2dConfig config = new UNet2dConfig(1, 3, 3, 4, 16, NormType.BATCH, true);
        UNet2d a = new UNet2d(config, new Random(1));
        Tensor x = Tensor.randn(new Random(9), 2, 1, 8, 8);
        a.forward(x); // training step moves the batch-norm running statistics
        a.eval();
        List<Tensor> expected = a.forward(x);
        UNet2d b = new UNet2d(config, new Random(2));
        b.loadStateDict(a.stateDict());
        b.eval();
        List<Tensor> actual = b.forward(x);
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i).data(), actual.get(i).data());
    }

    @Test
    void trainEvalSwitchChangesBatchNormBehaviour() {
        UNet2d net = new UNet2d(new UNet2dConfig(1, 2, 2, 4, 8, NormType.BATCH, false), new Random(1));
        Tensor x = Tensor.randn(new Random(5), 2, 1, 4, 4);
        float[] train1 = net.forward(x).get(0).toArray();
        float[] train2 = net.forward(x).get(0).toArray();
        assertArrayEquals(train1, train2, "training mode uses batch statistics, which do not depend on the running ones");
        net.eval();
        float[] eval1 = net.forward(x).get(0).toArray();
        float[] eval2 = net.forward(x).get(0).toArray();
        assertArrayEquals(eval1, eval2, "evaluation does not update the running statistics");
        assertFalse(java.util.Arrays.equals(train1, eval1), "evaluation uses the running statistics");
    }
}
