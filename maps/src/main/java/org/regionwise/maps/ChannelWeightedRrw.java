package org.regionwise.maps;

/**
 * The channel-weighted RRW variant published elsewhere, kept for analyses and tests only: it is
 * <strong>not rectified</strong> for three or more classes, and no {@link MapKind} produces it.
 *
 * <p>It writes, in channel {@code k}, the weight of the <em>channel</em> {@code w_k} at every voxel
 * outside class {@code k}, where {@link MapKind#RRW_WEIGHTED} writes the weight of the voxel's own
 * class {@code w_t}. A voxel of class {@code t} then has other-class components {@code w_k} for all
 * {@code k != t}; with {@code C >= 3} and unequal weights these differ, and a softmax vector that
 * leans toward a heavily weighted wrong class gives another wrong class a negative gradient
 * component: two negative components, the instability rectification exists to prevent.
 */
public final class ChannelWeightedRrw {

    private ChannelWeightedRrw() {
    }

    /**
     * The channel-weighted map, laid out as {@link RegionMaps#compute}.
     *
     * @param channelWeights one weight per class, each finite and {@code >= 0}
     */
    public static float[] compute(int[] labels, Grid grid, int classes, float[] channelWeights, int threads) {
        MapOptions options = new MapOptions(channelWeights, MapOptions.DEFAULT_HD_ALPHA, threads);
        RegionMaps.checkKind(MapKind.RRW_WEIGHTED, classes, options);
        int[] counts = Labels.checkAndCount(labels, grid, classes);
        float[] out = new float[classes * labels.length];
        RrwMaps.fill(labels, grid, counts, RrwMaps.channelWeighted(options.classWeights()), threads, out, 0);
        return out;
    }
}
