package org.regionwise.gpu.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.optim.Adam;

/**
 * A two-level nnU-Net-style U-Net built from autodiff ops only (the layers module is not a dependency of
 * gpu): per stage conv3x3 - instance norm - leaky ReLU twice, a stride-2 conv down, a stride-2 transposed
 * conv up, skip concatenation, a 1x1 head, softmax cross-entropy. It exercises every kernel of the SPI
 * (conv forward, both backward passes, transposed conv) inside a real training step.
 *
 * <p>{@link #trainingStep} runs one step on a backend from a fixed seed and returns what a parity test
 * compares: the loss, every parameter gradient, and the parameters after one Adam step.
 */
public final class MiniUNet {
    public record StepResult(float loss, float[] gradients, float[] updatedParameters) {}

    private final List<Tensor> parameters = new ArrayList<>();
    private final int inChannels;
    private final int width;
    private final int classes;

    private MiniUNet(Random random, int inChannels, int width, int classes) {
        this.inChannels = inChannels;
        this.width = width;
        this.classes = classes;
        conv(random, width, inChannels, 3);   // encoder conv a
        norm(width);
        conv(random, width, width, 3);        // encoder conv b
        norm(width);
        conv(random, 2 * width, width, 3);    // down (stride 2)
        norm(2 * width);
        convTransposed(random, 2 * width, width, 2); // up (stride 2)
        conv(random, width, 2 * width, 3);    // decoder conv after concatenation
        norm(width);
        conv(random, classes, width, 1);      // head
        parameters.add(Tensor.zeros(classes).requiresGrad(true)); // head bias
    }

    /** One training step on {@code backend} for a batch of n images of h x w (even sizes). */
    public static StepResult trainingStep(Backend backend, int n, int inChannels, int h, int w, int width, int classes, long seed) {
        Backend previous = Backends.getDefault();
        Backends.setDefault(backend);
        try {
            Random random = new Random(seed);
            MiniUNet net = new MiniUNet(random, inChannels, width, classes);
            Tensor x = Tensor.randn(random, n, inChannels, h, w);
            float[] onehot = new float[n * classes * h * w];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < h * w; p++) onehot[(i * classes + random.nextInt(classes)) * h * w + p] = 1f;
            }
            Tensor target = Tensor.of(onehot, n, classes, h, w);
            Tensor loss = net.forward(x).logSoftmax(1).mul(target).sum().neg().div(n * h * w);
            loss.backward();
            float[] grads = net.flatten(true);
            new Adam(net.parameters, 1e-2).step();
            return new StepResult(loss.item(), grads, net.flatten(false));
        } finally {
            Backends.setDefault(previous);
        }
    }

    /** Logits (n, classes, h, w). */
    public Tensor forward(Tensor x) {
        int p = 0;
        Tensor e = block(x, p, 1);
        p += 3;
        e = block(e, p, 1);
        p += 3;
        Tensor d = block(e, p, 2);
        p += 3;
        Tensor u = Functional.convTranspose2d(d, parameters.get(p++), null, 2, 0, 0, 1);
        Tensor cat = Tensor.concat(1, e, u);
        Tensor dec = block(cat, p, 1);
        p += 3;
        return Functional.conv2d(dec, parameters.get(p), parameters.get(p + 1), 1, 0, 1);
    }

    /** conv (no bias: instance norm follows) - instance norm (affine) - leaky ReLU(0.01), as nnU-Net. */
    private Tensor block(Tensor x, int p, int stride) {
        Tensor y = Functional.conv2d(x, parameters.get(p), null, stride, 1, 1);
        return instanceNorm(y, parameters.get(p + 1), parameters.get(p + 2)).leakyRelu(0.01f);
    }

    private static Tensor instanceNorm(Tensor x, Tensor gamma, Tensor beta) {
        int[] axes = {2, 3};
        Tensor centred = x.sub(x.mean(axes, true));
        Tensor var = centred.mul(centred).mean(axes, true);
        return centred.div(var.add(1e-5f).sqrt()).mul(gamma).add(beta);
    }

    private void conv(Random random, int out, int in, int k) {
        float scale = (float) Math.sqrt(2.0 / (in * k * k)); // He initialisation
        parameters.add(Tensor.randn(random, out, in, k, k).mul(scale).detach().requiresGrad(true));
    }

    private void convTransposed(Random random, int in, int out, int k) {
        float scale = (float) Math.sqrt(2.0 / (in * k * k));
        parameters.add(Tensor.randn(random, in, out, k, k).mul(scale).detach().requiresGrad(true));
    }

    private void norm(int channels) {
        parameters.add(Tensor.ones(1, channels, 1, 1).requiresGrad(true));
        parameters.add(Tensor.zeros(1, channels, 1, 1).requiresGrad(true));
    }

    private float[] flatten(boolean gradients) {
        int total = 0;
        for (Tensor t : parameters) total += t.numel();
        float[] out = new float[total];
        int pos = 0;
        for (Tensor t : parameters) {
            float[] src = gradients ? t.gradBuffer() : t.data();
            System.arraycopy(src, 0, out, pos, src.length);
            pos += src.length;
        }
        return out;
    }

    @Override
    public String toString() {
        return "MiniUNet(in=" + inChannels + ", width=" + width + ", classes=" + classes + ", " + parameters.size() + " tensors)";
    }
}
