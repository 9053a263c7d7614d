package org.regionwise.layers;

import java.util.Random;
import org.regionwise.autodiff.Tensor;

/**
 * One decoder level of nnU-Net's 2D U-Net: 2x2 transposed conv with stride 2 and no bias ({@code up}),
 * concatenation {@code (upsampled, skip)} along channels in that order (nnU-Net's
 * {@code torch.cat((x, skip), dim=1)}), then two conv blocks back to the skip's width ({@code convs}).
 */
public final class DecoderStage extends Module {
    private final ConvTranspose2d up;
    private final ConvStage convs;

    public DecoderStage(int fromBelow, int skipChannels, NormType norm, Random init) {
        this.up = registerModule("up", ConvTranspose2d.upsampling(fromBelow, skipChannels, 2, init));
        this.convs = registerModule("convs", new ConvStage(2 * skipChannels, skipChannels, 1, norm, init));
    }

    public Tensor forward(Tensor below, Tensor skip) {
        return convs.forward(Tensor.concat(1, up.forward(below), skip));
    }
}
