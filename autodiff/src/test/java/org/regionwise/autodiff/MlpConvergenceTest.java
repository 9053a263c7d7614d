package org.regionwise.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A two-layer MLP trained with plain gradient descent through the tape learns XOR-like quadrants. */
class MlpConvergenceTest {

    @Test
    void tinyMlpLearnsQuadrantsBelowBound() {
        Random random = new Random(7);
        int n = 64;
        float[] xs = new float[n * 2];
        float[] ys = new float[n * 2];
        for (int i = 0; i < n; i++) {
            float a = random.nextFloat() * 2 - 1;
            float b = random.nextFloat() * 2 - 1;
            xs[2 * i] = a;
            xs[2 * i + 1] = b;
            int label = (a > 0) ^ (b > 0) ? 1 : 0;
            ys[2 * i + label] = 1f;
        }
        Tensor x = Tensor.of(xs, n, 2);
        Tensor y = Tensor.of(ys, n, 2);
        Tensor w1 = Tensor.randn(random, 2, 16).mul(0.7f).detach().requiresGrad(true);
        Tensor b1 = Tensor.zeros(16).requiresGrad(true);
        Tensor w2 = Tensor.randn(random, 16, 2).mul(0.3f).detach().requiresGrad(true);
        Tensor b2 = Tensor.zeros(2).requiresGrad(true);
        Tensor[] params = {w1, b1, w2, b2};

        float first = Float.NaN;
        float last = Float.NaN;
        for (int step = 0; step < 600; step++) {
            Tensor logits = x.matmul(w1).add(b1).leakyRelu(0.01f).matmul(w2).add(b2);
            Tensor loss = logits.logSoftmax(1).mul(y).sum(1, false).mean().neg();
            for (Tensor p : params) p.zeroGrad();
            loss.backward();
            for (Tensor p : params) {
                float[] d = p.data();
                float[] g = p.gradBuffer();
                for (int i = 0; i < d.length; i++) d[i] -= 0.5f * g[i];
            }
            if (step == 0) first = loss.item();
            last = loss.item();
        }
        assertTrue(first > 0.6f, "initial cross-entropy near ln 2, was " + first);
        assertTrue(last < 0.1f, "cross-entropy after 600 steps should fall below 0.1, was " + last);
    }
}
