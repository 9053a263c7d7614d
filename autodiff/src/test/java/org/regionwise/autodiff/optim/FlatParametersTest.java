package org.regionwise.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;

/** The flat index space over a parameter list: offsets, packing and unpacking. */
class FlatParametersTest {

    @Test
    void gatherAndScatterRoundTrip() {
        Tensor a = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {3, 4, 5, 6}, 2, 2).requiresGrad(true);
        FlatParameters flat = new FlatParameters(List.of(a, b));
        assertEquals(6, flat.size());
        assertEquals(2, flat.offset(1));
        float[] packed = flat.gatherData(new float[6]);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, packed);
        flat.scatterData(new float[] {6, 5, 4, 3, 2, 1});
        assertArrayEquals(new float[] {6, 5}, a.toArray());
        assertArrayEquals(new float[] {4, 3, 2, 1}, b.toArray());
    }

    @Test
    void gradientsPackWithZerosForUntouchedParameters() {
        Tensor a = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {3}, 1).requiresGrad(true);
        FlatParameters flat = new FlatParameters(List.of(a, b));
        b.mul(4f).sum().backward();
        assertArrayEquals(new float[] {0, 0, 4}, flat.gatherGrad(new float[3]));
        flat.scatterGrad(new float[] {7, 8, 9});
        assertArrayEquals(new float[] {7, 8}, a.grad().toArray());
    }

    @Test
    void rejectsDuplicatesNonLeavesAndWrongLengths() {
        Tensor a = Tensor.zeros(2).requiresGrad(true);
        assertThrows(IllegalArgumentException.class, () -> new FlatParameters(List.of(a, a)));
        assertThrows(IllegalArgumentException.class, () -> new FlatParameters(List.of(a.mul(2f))));
        FlatParameters flat = new FlatParameters(List.of(a));
        assertThrows(IllegalArgumentException.class, () -> flat.gatherData(new float[3]));
    }
}
