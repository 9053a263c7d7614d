package org.regionwise.losses;

import java.util.HashMap;
import java.util.Map;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapCache;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;

/**
 * The settings of a {@link Target} before it is built ({@link Target#builder}): its labels' shape, checked here,
 * and the optional spacing, map options, shared map cache, ignore label and supplied maps, each checked where it
 * is set. {@link #build} copies the labels and checks their values.
 */
public final class TargetBuilder {
    final int[] labels;
    final int batch;
    final int height;
    final int width;
    final int classes;
    double[] spacing = {1.0, 1.0};
    MapOptions mapOptions = MapOptions.defaults();
    MapCache cache;
    int ignoreLabel = -1;
    final Map<MapKind, float[]> supplied = new HashMap<>();

    TargetBuilder(int[] labels, int batch, int height, int width, int classes) {
        if (labels == null) throw new IllegalArgumentException("target: labels are null");
        if (batch < 1 || height < 1 || width < 1 || classes < 2) {
            throw new IllegalArgumentException("target: need batch, height, width >= 1 and classes >= 2 (background"
                    + " included), got B=" + batch + ", H=" + height + ", W=" + width + ", C=" + classes);
        }
        if (labels.length != (long) batch * height * width) {
            throw new IllegalArgumentException("target: " + labels.length + " labels do not fill (B, H, W) = ("
                    + batch + ", " + height + ", " + width + ")");
        }
        this.labels = labels;
        this.batch = batch;
        this.height = height;
        this.width = width;
        this.classes = classes;
    }

    /** Pixel spacing along H then W (e.g. millimetres); distance maps come out in this unit. Default 1, 1. */
    public TargetBuilder spacing(double alongH, double alongW) {
        this.spacing = new double[] {alongH, alongW};
        new Grid(new int[] {height, width}, spacing); // validates now, not at the first map
        return this;
    }

    /** Class weights (for {@link MapKind#RRW_WEIGHTED}), HD exponent and threads of the maps. */
    public TargetBuilder mapOptions(MapOptions options) {
        if (options == null) throw new IllegalArgumentException("target: map options are null");
        this.mapOptions = options;
        return this;
    }

    /** A cache shared across targets, so each distinct label image is mapped once per run. */
    public TargetBuilder cache(MapCache mapCache) {
        this.cache = mapCache;
        return this;
    }

    /**
     * Pixels labelled {@code label} are ignored: no class, no loss, zero gradient (nnU-Net v2's ignore
     * label, whose value is the highest label, so at least {@code classes}).
     */
    public TargetBuilder ignoreLabel(int label) {
        if (label < classes) {
            throw new IllegalArgumentException("target: the ignore label must be at least the class count " + classes
                    + " (nnU-Net v2 gives it the highest value), got " + label);
        }
        this.ignoreLabel = label;
        return this;
    }

    /**
     * A map computed elsewhere, {@code (B, C, H, W)}, used instead of computing {@code kind} here (e.g. the
     * slices of a map computed on the whole 3D volume with its spacing). It is not carried to
     * {@link Target#resized} targets, whose maps are computed from their own labels.
     */
    public TargetBuilder map(MapKind kind, float[] bchw) {
        if (kind == null || bchw == null) throw new IllegalArgumentException("target: supplied map needs a kind and values");
        supplied.put(kind, bchw);
        return this;
    }

    public Target build() {
        return new Target(this);
    }
}
