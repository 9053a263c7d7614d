package org.regionwise.losses;

import org.regionwise.maps.Grid;
import org.regionwise.maps.MapCache;
import org.regionwise.maps.MapOptions;

/**
 * A map derived image by image from another source's map ({@link MapSource#rectified},
 * {@link MapSource#trueClassZeroed}): per image, and so cached beside its base in the target's {@link MapCache},
 * when the base is per image; otherwise only in its batch form.
 */
final class DerivedMapSource {
    private DerivedMapSource() {}

    /** The derivation on one image: its base map and labels in, a new map out (the base map is shared: do not write it). */
    @FunctionalInterface
    interface ImageForm {
        float[] derive(float[] base, int[] labels, int classes);
    }

    /** The derivation on a whole target (a target with supplied maps, or a base that is not per image). */
    @FunctionalInterface
    interface BatchForm {
        float[] derive(MapSource base, Target target);
    }

    static MapSource of(String key, MapSource base, BatchForm batch, ImageForm image) {
        if (!(base instanceof PerImageSource perImage)) {
            return new MapSource() {
                @Override public String key() { return key; }
                @Override public String toString() { return key; }
                @Override public float[] compute(Target target) { return batch.derive(base, target); }
            };
        }
        return new PerImageSource() {
            @Override public String key() { return key; }
            @Override public String toString() { return key; }
            @Override public float[] compute(Target target) { return batch.derive(base, target); }

            @Override
            public float[] image(MapCache cache, int[] labels, int offset, Grid grid, int classes, MapOptions options) {
                return cache.get(key, labels, offset, grid, classes, options,
                        (own, g, c) -> image.derive(perImage.image(cache, own, 0, g, c, options), own, c));
            }
        };
    }
}
