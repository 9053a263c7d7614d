package org.regionwise.layers;

/** Which normalisation the U-Net's conv blocks use: nnU-Net's instance norm, or batch norm. */
public enum NormType {
    /** {@link InstanceNorm2d}, affine (nnU-Net's default). */
    INSTANCE,
    /** {@link BatchNorm2d} with running statistics. */
    BATCH;

    /** A norm layer over {@code channels} channels. */
    Layer create(int channels) {
        return switch (this) {
            case INSTANCE -> new InstanceNorm2d(channels, true);
            case BATCH -> new BatchNorm2d(channels);
        };
    }
}
