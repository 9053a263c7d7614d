package org.regionwise.layers;

/**
 * The shape of an nnU-Net-style 2D U-Net.
 *
 * @param inChannels      image channels (modalities)
 * @param classes         output classes, background included
 * @param levels          resolution stages including the bottleneck (nnU-Net's num_pool + 1); the input's
 *                        height and width must be divisible by 2^(levels - 1)
 * @param baseFilters     filters of the first stage (nnU-Net: 32); each later stage doubles them ...
 * @param maxFilters      ... up to this cap (nnU-Net v1 2D: 480; the benchmark config uses 512 with 5 levels)
 * @param norm            instance norm (nnU-Net) or batch norm
 * @param deepSupervision whether forward returns the logits of every decoder level or only the full-resolution
 *                        ones (the heads exist either way, as in nnU-Net, so checkpoints are interchangeable)
 */
public record UNet2dConfig(int inChannels, int classes, int levels, int baseFilters, int maxFilters,
                           NormType norm, boolean deepSupervision) {

    /** nnU-Net v1's 2D cap on filters per stage. */
    public static final int NNUNET_MAX_FILTERS_2D = 480;
    public static final int NNUNET_BASE_FILTERS = 32;

    public UNet2dConfig {
        if (inChannels <= 0 || classes <= 0) {
            throw new IllegalArgumentException("UNet2dConfig: input channels (" + inChannels + ") and classes (" + classes
                    + ") must be positive");
        }
        if (levels < 2 || levels > 16) {
            throw new IllegalArgumentException("UNet2dConfig: levels must be in [2, 16] (an encoder stage plus a bottleneck at least), got " + levels);
        }
        if (baseFilters <= 0 || maxFilters < baseFilters) {
            throw new IllegalArgumentException("UNet2dConfig: need 0 < base filters (" + baseFilters + ") <= max filters (" + maxFilters + ")");
        }
        if (norm == null) throw new IllegalArgumentException("UNet2dConfig: norm type is null");
    }

    /** nnU-Net v1's 2D defaults: 32 base filters, cap 480, instance norm, deep supervision on. */
    public static UNet2dConfig nnUNet(int inChannels, int classes, int levels) {
        return new UNet2dConfig(inChannels, classes, levels, NNUNET_BASE_FILTERS, NNUNET_MAX_FILTERS_2D, NormType.INSTANCE, true);
    }

    public UNet2dConfig withFilters(int base, int max) {
        return new UNet2dConfig(inChannels, classes, levels, base, max, norm, deepSupervision);
    }

    public UNet2dConfig withNorm(NormType type) {
        return new UNet2dConfig(inChannels, classes, levels, baseFilters, maxFilters, type, deepSupervision);
    }

    public UNet2dConfig withDeepSupervision(boolean on) {
        return new UNet2dConfig(inChannels, classes, levels, baseFilters, maxFilters, norm, on);
    }

    /** Filters of stage {@code stage} (0 = full resolution): min(base * 2^stage, max). */
    public int filters(int stage) {
        if (stage < 0 || stage >= levels) throw new IllegalArgumentException("stage " + stage + " outside [0, " + levels + ")");
        return (int) Math.min((long) baseFilters << stage, maxFilters);
    }

    /** What the input's height and width must be divisible by: 2^(levels - 1). */
    public int spatialDivisor() {
        return 1 << (levels - 1);
    }
}
