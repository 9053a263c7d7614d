package org.regionwise.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * nnU-Net's generic 2D U-Net (v1 {@code Generic_UNet} with convolutional pooling and upsampling), as used
 * in the Region-wise loss paper.
 *
 * <ul>
 *   <li>{@code encoder.d} (d = 0 .. levels-1): a {@link ConvStage} with {@link UNet2dConfig#filters(int)}
 *       filters; the first conv of every stage after the first has stride 2; the last stage is the bottleneck.</li>
 *   <li>{@code decoder.u} (u = 0 .. levels-2, u = 0 deepest): a {@link DecoderStage} from the level below to the
 *       width of encoder stage levels-2-u.</li>
 *   <li>{@code heads.u}: 1x1 conv to the classes on decoder level u, <b>without bias</b>, as nnU-Net v1's
 *       {@code seg_outputs} ({@code seg_output_use_bias=False}). All heads exist whether or not deep supervision
 *       is on, as in nnU-Net, which builds them all and only toggles what forward returns.</li>
 * </ul>
 * Convs in the stages have bias (nnU-Net's {@code conv_kwargs bias=True}); the transposed convs have none.
 * Weights are He-normal with negative slope 1e-2, biases zero ({@code InitWeights_He(1e-2)}).
 */
public final class UNet2d extends Module {
    private final UNet2dConfig config;
    private final ModuleList<ConvStage> encoder = new ModuleList<>();
    private final ModuleList<DecoderStage> decoder = new ModuleList<>();
    private final ModuleList<Conv2d> heads = new ModuleList<>();
    private boolean deepSupervision;

    /** Builds the network, drawing initial weights from {@code init} (seed it for reproducible runs). */
    public UNet2d(UNet2dConfig config, Random init) {
        this.config = config;
        this.deepSupervision = config.deepSupervision();
        int levels = config.levels();
        for (int d = 0; d < levels; d++) {
            int in = d == 0 ? config.inChannels() : config.filters(d - 1);
            encoder.add(new ConvStage(in, config.filters(d), d == 0 ? 1 : 2, config.norm(), init));
        }
        for (int u = 0; u < levels - 1; u++) {
            int skip = config.filters(levels - 2 - u);
            decoder.add(new DecoderStage(config.filters(levels - 1 - u), skip, config.norm(), init));
            heads.add(new Conv2d(skip, config.classes(), 1, 1, 0, 1, false, init));
        }
        registerModule("encoder", encoder);
        registerModule("decoder", decoder);
        registerModule("heads", heads);
    }

    public UNet2dConfig config() {
        return config;
    }

    /** Whether {@link #forward} returns every decoder level's logits (nnU-Net's {@code do_ds}). */
    public boolean deepSupervision() {
        return deepSupervision;
    }

    /** Switches deep supervision, e.g. off for validation and inference, as nnU-Net does. */
    public void setDeepSupervision(boolean on) {
        this.deepSupervision = on;
    }

    /**
     * Logits for {@code x} (N, inChannels, H, W): full resolution (N, classes, H, W) first, then, with deep
     * supervision, each coarser decoder level (H/2, H/4, ... down to H/2^(levels-2)). One element without.
     *
     * @throws IllegalArgumentException when x is not (N, inChannels, H, W) with H and W divisible by
     *                                  2^(levels - 1)
     */
    public List<Tensor> forward(Tensor x) {
        checkInput(x);
        int levels = config.levels();
        List<Tensor> skips = new ArrayList<>();
        Tensor h = x;
        for (int d = 0; d < levels - 1; d++) {
            h = encoder.get(d).forward(h);
            skips.add(h);
        }
        h = encoder.get(levels - 1).forward(h);
        List<Tensor> outputs = new ArrayList<>();
        for (int u = 0; u < levels - 1; u++) {
            h = decoder.get(u).forward(h, skips.get(levels - 2 - u));
            if (deepSupervision || u == levels - 2) outputs.add(heads.get(u).forward(h));
        }
        Collections.reverse(outputs);
        return outputs;
    }

    private void checkInput(Tensor x) {
        int[] s = x.shape();
        if (s.length != 4 || s[1] != config.inChannels()) {
            throw new IllegalArgumentException("UNet2d: input shape " + Shape.str(s) + " is not (N, " + config.inChannels()
                    + ", H, W)");
        }
        int div = config.spatialDivisor();
        if (s[2] % div != 0 || s[3] % div != 0) {
            throw new IllegalArgumentException("UNet2d: input shape " + Shape.str(s) + " has spatial size " + s[2] + "x" + s[3]
                    + ", which must be divisible by " + div + " (2^(levels-1) for " + config.levels() + " levels)");
        }
    }
}
