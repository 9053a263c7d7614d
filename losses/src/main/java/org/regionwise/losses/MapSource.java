package org.regionwise.losses;

import org.regionwise.maps.Grid;
import org.regionwise.maps.MapCache;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;
import org.regionwise.maps.RegionMaps;

/**
 * Where a Region-wise loss gets its map {@code z} from: a {@link MapKind} of the maps module, or a map
 * derived from one. A map depends on the labels only, never on the network. The built-in sources are made
 * image by image, so a {@link Target} takes them from its {@link MapCache}, which maps each distinct label image
 * once (under the source's {@link #key()} for derived maps).
 */
public interface MapSource {

    /** Identifies the map: two sources with equal keys must produce equal maps for any target. */
    String key();

    /** The map for every image of {@code target}, {@code (B, C, H, W)}; never modified afterwards. */
    float[] compute(Target target);

    /** A map kind of the maps module, computed per image with the target's spacing and options. */
    static MapSource of(MapKind kind) {
        if (kind == null) throw new IllegalArgumentException("map source: kind is null; valid: " + MapKind.validNames());
        return new PerImageSource() {
            @Override public String key() { return kind.cliName(); }
            @Override public float[] compute(Target target) { return target.computeMap(kind); }
            @Override public String toString() { return key(); }

            @Override
            public float[] image(MapCache cache, int[] labels, int offset, Grid grid, int classes, MapOptions options) {
                return cache.get(kind, labels, offset, grid, classes, options);
            }
        };
    }

    /**
     * Karimi's one-sided Hausdorff map {@link MapKind#HD}, {@code d^alpha}, with this exponent whatever
     * the target's map options say.
     */
    static MapSource hd(double alpha) {
        return new PerImageSource() {
            @Override public String key() { return "hd(alpha=" + alpha + ")"; }
            @Override public float[] compute(Target target) { return target.computeMap(MapKind.HD, target.mapOptions().withHdAlpha(alpha)); }
            @Override public String toString() { return key(); }

            @Override
            public float[] image(MapCache cache, int[] labels, int offset, Grid grid, int classes, MapOptions options) {
                return cache.get(MapKind.HD, labels, offset, grid, classes, options.withHdAlpha(alpha));
            }
        };
    }

    /**
     * {@code base} rectified per image with {@link RegionMaps#rectify(float[], int[], int)}: at each pixel the
     * other-class components become their maximum and the true-class component is pushed strictly below it.
     */
    static MapSource rectified(MapSource base) {
        return DerivedMapSource.of("rectified(" + base.key() + ")", base, MapSource::rectifiedBatch, RegionMaps::rectify);
    }

    /**
     * {@code base} with every true-class component set to 0, {@code (1 - y) * z}. With the
     * {@link MapKind#HD} map this is the map of the paper's Proposition 3 (supplement, Eq. 25): RW with
     * squared softmax and this map is Karimi's one-sided HD loss (see {@link HausdorffLoss}).
     */
    static MapSource trueClassZeroed(MapSource base) {
        return DerivedMapSource.of("trueClassZeroed(" + base.key() + ")", base, MapSource::trueClassZeroedBatch, (z, labels, c) -> {
            float[] zeroed = z.clone();
            int n = labels.length;
            for (int i = 0; i < n; i++) zeroed[labels[i] * n + i] = 0f;
            return zeroed;
        });
    }

    /** The batch form of {@link #rectified}: rectify each image of the target's map of {@code base}. */
    private static float[] rectifiedBatch(MapSource base, Target target) {
        float[] z = target.map(base);
        int n = target.pixels();
        int c = target.classes();
        int[] labels = target.mapLabels();
        float[] out = new float[z.length];
        float[] image = new float[c * n];
        int[] imageLabels = new int[n];
        for (int b = 0; b < target.batch(); b++) {
            System.arraycopy(z, b * c * n, image, 0, c * n);
            System.arraycopy(labels, b * n, imageLabels, 0, n);
            System.arraycopy(RegionMaps.rectify(image, imageLabels, c), 0, out, b * c * n, c * n);
        }
        return out;
    }

    /** The batch form of {@link #trueClassZeroed}: the target's map of {@code base}, zero where the one-hot labels are 1. */
    private static float[] trueClassZeroedBatch(MapSource base, Target target) {
        float[] z = target.map(base).clone();
        float[] y = target.oneHot();
        for (int i = 0; i < z.length; i++) if (y[i] != 0f) z[i] = 0f;
        return z;
    }
}
