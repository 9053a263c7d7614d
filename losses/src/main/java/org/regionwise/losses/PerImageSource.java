package org.regionwise.losses;

import org.regionwise.maps.Grid;
import org.regionwise.maps.MapCache;
import org.regionwise.maps.MapOptions;

/**
 * A {@link MapSource} whose map is made image by image from that image's labels alone (every built-in source),
 * so a {@link Target} takes each image's map from its {@link MapCache}: a label image seen before is not mapped
 * again, and filling a batch allocates nothing. {@link MapSource#compute} stays the batch form, used for
 * targets carrying supplied maps (which a derived source must build on).
 */
interface PerImageSource extends MapSource {

    /**
     * The map of the image {@code labels[offset .. offset + grid.size())} (checked, ignored pixels as background),
     * {@code classes * grid.size()} floats, taken from {@code cache} (computed there on first use). Shared: read only.
     */
    float[] image(MapCache cache, int[] labels, int offset, Grid grid, int classes, MapOptions options);
}
