package org.regionwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.optim.Adam;

/** The flat layout with named views, and its agreement with the optimiser's flat state. */
class ParameterBufferTest {

    @Test
    void viewsTileTheFlatVectorInParameterOrder() {
        UNet2d net = new UNet2d(new UNet2dConfig(1, 2, 3, 4, 16, NormType.INSTANCE, true), new Random(1));
        ParameterBuffer buffer = ParameterBuffer.of(net);
        assertEquals(net.parameterCount(), buffer.size());
        int expectedOffset = 0;
        for (ParameterBuffer.View v : buffer.views()) {
            assertEquals(expectedOffset, v.offset(), v.name());
            assertSame(net.namedParameters().get(v.name()), v.tensor());
            expectedOffset += v.numel();
        }
        assertEquals("encoder.0.conv1.weight", buffer.views().get(0).name());
        assertArrayEquals(new int[] {4, 1, 3, 3}, buffer.view("encoder.0.conv1.weight").shape());
        var e = assertThrows(IllegalArgumentException.class, () -> buffer.view("nope"));
        assertTrue(e.getMessage().contains("encoder.0.conv1.weight"), e.getMessage());
    }

    @Test
    void packAndUnpackValuesAndGradients() {
        Sequential m = new Sequential(new Conv2d(1, 2, 3, new Random(2)), new InstanceNorm2d(2, true));
        ParameterBuffer buffer = ParameterBuffer.of(m);
        float[] flat = buffer.packData();
        ParameterBuffer.View bias = buffer.view("0.bias");
        flat[bias.offset() + 1] = 7f;
        buffer.unpackData(flat);
        assertEquals(7f, m.namedParameters().get("0.bias").data()[1]);

        m.forward(Tensor.randn(new Random(3), 1, 1, 5, 5)).mul(Tensor.randn(new Random(4), 1, 2, 3, 3)).sum().backward();
        float[] grads = buffer.packGrad(new float[buffer.size()]);
        ParameterBuffer.View gamma = buffer.view("1.weight");
        assertArrayEquals(m.namedParameters().get("1.weight").grad().toArray(),
                java.util.Arrays.copyOfRange(grads, gamma.offset(), gamma.offset() + gamma.numel()));
    }

    @Test
    void adamMomentsUseTheSameOffsets() {
        Sequential m = new Sequential(new Conv2d(1, 2, 3, new Random(2)), new InstanceNorm2d(2, true));
        ParameterBuffer buffer = ParameterBuffer.of(m);
        Adam adam = new Adam(m.parameters(), 1e-3);
        m.forward(Tensor.randn(new Random(3), 1, 1, 5, 5)).mul(Tensor.randn(new Random(4), 1, 2, 3, 3)).sum().backward();
        adam.step();
        float[] expAvg = adam.stateDict().buffer(Adam.EXP_AVG);
        float[] grads = buffer.packGrad(new float[buffer.size()]);
        // After one step m = (1 - beta1) g everywhere, so the flat moment is 0.1 times the flat gradient.
        for (int i = 0; i < grads.length; i++) assertEquals(0.1f * grads[i], expAvg[i], 1e-6f * (1 + Math.abs(grads[i])));
        assertEquals(buffer.size(), adam.layout().size());
        for (int i = 0; i < buffer.views().size(); i++) assertEquals(buffer.views().get(i).offset(), adam.layout().offset(i));
    }
}
