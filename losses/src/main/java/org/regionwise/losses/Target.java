package org.regionwise.losses;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.regionwise.autodiff.BufferArena;
import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapBatch;
import org.regionwise.maps.MapCache;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;

/**
 * What a loss compares the logits with: the integer labels of a batch {@code (B, H, W)}, the class
 * count (background included, as class 0), the pixel spacing, and, computed on first use, the one-hot
 * labels and the Region-wise maps the losses ask for. The labels are checked once, when the target is built;
 * the targets {@link #resized} from it, and the maps, trust them.
 *
 * <p>Maps are {@code (B, C, H, W)} float arrays, each image's block taken from the target's {@link MapCache},
 * which maps each distinct label image once on its own 2D grid with this target's spacing ({@link MapBatch}):
 * the one cache of the map path. Without {@link TargetBuilder#cache} a target makes its own, shared with the
 * targets resized from it, so several losses over one target (a combination, deep supervision) map each label
 * image once; give it a long-lived cache to reuse maps across batches and epochs too. Each call of
 * {@link #map} copies the cached images into a fresh batch buffer. A map computed elsewhere, e.g. a 3D volume's
 * map sliced to this batch, can be supplied with {@link TargetBuilder#map}.
 *
 * <p><b>Buffers.</b> A target built while a {@link BufferArena} scope is open (a training step) takes its label
 * copy, its resized labels, one-hot labels and map buffers from that arena, so a steady-state step allocates
 * none of them; such a target and every array it hands out are valid until the scope closes. A target built
 * outside a scope allocates them normally.
 *
 * <p><b>Ignore label</b> (nnU-Net v2's {@code "ignore"} entry of dataset.json): with
 * {@link TargetBuilder#ignoreLabel(int)}, pixels carrying that value (at least {@code classes}) belong to no class.
 * Their one-hot vector is all zero, they are counted in no {@link #classCount}, and every map is 0 at them
 * in every channel; the overlap losses multiply the softmax by {@link #validTensor()}. So an ignored pixel
 * adds nothing to any loss and receives a gradient of exactly 0. Distance maps are computed with ignored
 * pixels taken as background (class 0) and then zeroed there: an edge between a class and an ignored
 * region counts as a boundary of that class. Pixel means keep all {@code B H W} pixels in the denominator.
 *
 * <p>Arrays returned by this class are shared: read them, never write them. Thread-safe.
 */
public final class Target {
    private final int[] labels;
    private final int batch;
    private final int height;
    private final int width;
    private final int classes;
    private final double[] spacing;
    private final MapOptions mapOptions;
    private final MapCache cache;
    /** The label value that marks ignored pixels, or -1 when there is none. */
    private final int ignoreLabel;
    private final int ignored;
    /** Maps given with {@link TargetBuilder#map}, by {@link MapSource#key()}, ignored pixels zeroed; not carried to resized targets. */
    private final Map<String, float[]> supplied = new HashMap<>();
    /** Whether this target lives in a {@link BufferArena} scope, so its buffers come from there. */
    private final boolean stepScoped;
    /** Label checks done by targets (one per target built from outside), for the tests that count them. */
    private static final LongAdder LABEL_CHECKS = new LongAdder();
    /** Resized copies by (height << 32 | width), made on first use. */
    private final Map<Long, Target> resized = new ConcurrentHashMap<>();
    /** Tensors made from this target's arrays, per backend and name: uploaded once to a device, then reused. */
    private final Map<Backend, Map<String, Tensor>> tensors = new ConcurrentHashMap<>();
    private volatile float[] oneHot;
    private volatile int[] classCounts;
    private volatile int[] mapLabels;

    /** Built by {@link TargetBuilder#build}: copies and checks the labels, takes the settings. */
    Target(TargetBuilder b) {
        this.stepScoped = Buffers.arenaOpen();
        this.labels = intBuffer(b.labels.length);
        System.arraycopy(b.labels, 0, labels, 0, labels.length);
        this.batch = b.batch;
        this.height = b.height;
        this.width = b.width;
        this.classes = b.classes;
        this.spacing = b.spacing.clone();
        this.mapOptions = b.mapOptions;
        this.cache = b.cache != null ? b.cache : new MapCache();
        this.ignoreLabel = b.ignoreLabel;
        this.ignored = checkLabels();
        b.supplied.forEach((kind, map) -> {
            if (map.length != (long) batch * classes * height * width) {
                throw new IllegalArgumentException("supplied " + kind + " map has " + map.length + " values but (B, C, H, W) = "
                        + Shape.str(shape()) + " needs " + (long) batch * classes * height * width);
            }
            supplied.put(MapSource.of(kind).key(), zeroIgnored(map.clone()));
        });
    }

    /** {@code parent} at {@code newHeight x newWidth}: labels resized from already checked ones, so not checked again. */
    private Target(Target parent, int newHeight, int newWidth) {
        this.stepScoped = parent.stepScoped;
        this.batch = parent.batch;
        this.height = newHeight;
        this.width = newWidth;
        this.classes = parent.classes;
        this.labels = intBuffer(batch * newHeight * newWidth);
        Functional.resizeLabelsInto(parent.labels, batch, parent.height, parent.width, newHeight, newWidth, labels);
        this.spacing = new double[] {parent.spacing[0] * parent.height / newHeight, parent.spacing[1] * parent.width / newWidth};
        this.mapOptions = parent.mapOptions;
        this.cache = parent.cache;
        this.ignoreLabel = parent.ignoreLabel;
        int count = 0;
        if (parent.ignored > 0) for (int label : labels) if (label == ignoreLabel) count++;
        this.ignored = count;
    }

    private float[] floatBuffer(int length) {
        return stepScoped ? Buffers.allocate(length) : new float[length];
    }

    private int[] intBuffer(int length) {
        return stepScoped ? Buffers.allocateInts(length) : new int[length];
    }

    /** A target with unit spacing, default map options and no shared cache. */
    public static Target of(int[] labels, int batch, int height, int width, int classes) {
        return builder(labels, batch, height, width, classes).build();
    }

    /** A builder for a target over {@code labels}, {@code batch * height * width} class indices in {@code [0, classes)}. */
    public static TargetBuilder builder(int[] labels, int batch, int height, int width, int classes) {
        return new TargetBuilder(labels, batch, height, width, classes);
    }

    /** Validates the labels and returns how many pixels carry the ignore label. */
    private int checkLabels() {
        LABEL_CHECKS.increment();
        int n = height * width;
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (ignoreLabel >= 0 && label == ignoreLabel) {
                count++;
            } else if (label < 0 || label >= classes) {
                int b = i / n;
                int h = (i % n) / width;
                int w = i % width;
                throw new IllegalArgumentException("target: label " + label + " at image " + b + ", pixel (" + h + ", " + w
                        + ") is not a class index in [0, " + classes + ")"
                        + (ignoreLabel >= 0 ? " nor the ignore label " + ignoreLabel : ""));
            }
        }
        return count;
    }

    /** How many label arrays targets have checked so far in this JVM (one per target built by a {@link TargetBuilder}). */
    static long labelChecks() {
        return LABEL_CHECKS.sum();
    }

    // ---- shape -----------------------------------------------------------------------------------

    public int batch() { return batch; }
    public int height() { return height; }
    public int width() { return width; }
    public int classes() { return classes; }
    /** Pixels per image, {@code H * W}. */
    public int pixels() { return height * width; }
    /** The logits shape this target expects, {@code (B, C, H, W)}. */
    public int[] shape() { return new int[] {batch, classes, height, width}; }
    /** Pixel spacing along H and W. */
    public double[] spacing() { return spacing.clone(); }
    public MapOptions mapOptions() { return mapOptions; }
    /** The labels, {@code (B, H, W)} row-major, ignored pixels included; shared, do not modify. */
    public int[] labels() { return labels; }
    /** The ignore label, or -1 when this target has none. */
    public int ignoreLabel() { return ignoreLabel; }
    /** How many pixels carry the ignore label. */
    public int ignoredPixels() { return ignored; }
    /** Whether any pixel is ignored. */
    public boolean hasIgnored() { return ignored > 0; }

    /** Whether pixel {@code i} of {@link #labels()} is ignored. */
    public boolean isIgnored(int i) { return ignored > 0 && labels[i] == ignoreLabel; }

    /** The labels maps are computed from: {@link #labels()} with ignored pixels as background (0). Shared. */
    public int[] mapLabels() {
        if (ignored == 0) return labels;
        int[] out = mapLabels;
        if (out == null) {
            out = intBuffer(labels.length);
            System.arraycopy(labels, 0, out, 0, out.length);
            for (int i = 0; i < out.length; i++) if (out[i] == ignoreLabel) out[i] = 0;
            mapLabels = out;
        }
        return out;
    }

    /**
     * 1 at pixels that count, 0 at ignored ones, {@code (B, 1, H, W)}: what the overlap losses multiply the
     * softmax by (nnU-Net's loss mask). All ones when nothing is ignored.
     */
    public Tensor validTensor() {
        return tensor("valid", new int[] {batch, 1, height, width}, () -> {
            float[] mask = floatBuffer(labels.length);
            for (int i = 0; i < mask.length; i++) mask[i] = isIgnored(i) ? 0f : 1f;
            return mask;
        });
    }

    /**
     * A constant tensor derived from this target, on autodiff's default backend, built on first use and kept
     * for as long as this target is: a device backend uploads it once, not on every forward, however many
     * losses, steps or epochs reuse the target. {@code name} identifies the values (equal names, equal values).
     */
    public Tensor tensor(String name, int[] shape, Supplier<float[]> values) {
        Map<String, Tensor> onBackend = tensors.computeIfAbsent(Backends.getDefault(), b -> new ConcurrentHashMap<>());
        Tensor t = onBackend.get(name);
        if (t == null) {
            t = Tensor.of(values.get(), shape);
            Tensor raced = onBackend.putIfAbsent(name, t);
            if (raced != null) t = raced;
        }
        return t;
    }

    /** Sets every channel of {@code bchw} to 0 at ignored pixels, in place; returns it. */
    private float[] zeroIgnored(float[] bchw) {
        if (ignored == 0) return bchw;
        int n = pixels();
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) {
                if (labels[b * n + i] != ignoreLabel) continue;
                for (int c = 0; c < classes; c++) bchw[(b * classes + c) * n + i] = 0f;
            }
        }
        return bchw;
    }

    /** The 2D grid of one image, with this target's spacing. */
    public Grid imageGrid() {
        return new Grid(new int[] {height, width}, spacing);
    }

    /**
     * Checks that {@code logits} are {@code (B, C, H, W)} for this target.
     *
     * @throws IllegalArgumentException naming the loss and both shapes otherwise
     */
    public void requireLogits(Tensor logits, String lossName) {
        if (logits == null) throw new IllegalArgumentException(lossName + ": logits are null");
        if (!Arrays.equals(logits.shape(), shape())) {
            throw new IllegalArgumentException(lossName + ": logits of shape " + Shape.str(logits.shape())
                    + " do not match the target's (B, C, H, W) = " + Shape.str(shape()));
        }
    }

    // ---- derived arrays ----------------------------------------------------------------------------

    /** One-hot labels {@code (B, C, H, W)}: 1 in the channel of each pixel's class, 0 elsewhere (all 0 at ignored pixels). Shared. */
    public float[] oneHot() {
        float[] y = oneHot;
        if (y == null) {
            int n = pixels();
            y = floatBuffer(batch * classes * n);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < n; i++) {
                    int label = labels[b * n + i];
                    if (label != ignoreLabel) y[(b * classes + label) * n + i] = 1f;
                }
            }
            oneHot = y;
        }
        return y;
    }

    /** {@link #oneHot()} as a tensor that needs no gradient, kept with this target ({@link #tensor}). */
    public Tensor oneHotTensor() {
        return tensor("one-hot", shape(), this::oneHot);
    }

    /** Pixels of class {@code c} in image {@code b}. */
    public int classCount(int b, int c) {
        int[] counts = classCounts;
        if (counts == null) {
            counts = new int[batch * classes];
            int n = pixels();
            for (int i = 0; i < labels.length; i++) if (labels[i] != ignoreLabel) counts[(i / n) * classes + labels[i]]++;
            classCounts = counts;
        }
        return counts[b * classes + c];
    }

    /** The map of {@code kind} for every image, {@code (B, C, H, W)}; each image mapped once by the cache. Read only. */
    public float[] map(MapKind kind) {
        return map(MapSource.of(kind));
    }

    /**
     * The map {@code source} describes, {@code (B, C, H, W)}, 0 in every channel at ignored pixels: a supplied
     * map as given, else a new buffer filled image by image from the {@link MapCache} (a built-in source) or the
     * source's own batch computation (a source of another kind, or any source over a target with supplied maps,
     * which derived sources build on). Read only.
     */
    public float[] map(MapSource source) {
        if (source == null) throw new IllegalArgumentException("target: map source is null");
        float[] given = supplied.get(source.key());
        if (given != null) return given;
        float[] z = floatBuffer(batch * classes * pixels());
        if (supplied.isEmpty() && source instanceof PerImageSource perImage) {
            MapBatch.fill((image, offset, grid, c, options) -> perImage.image(cache, image, offset, grid, c, options),
                    mapLabels(), batch, imageGrid(), classes, mapOptions, z);
        } else {
            float[] computed = source.compute(this);
            if (computed.length != z.length) {
                throw new IllegalStateException("map source " + source.key() + " returned " + computed.length
                        + " values for (B, C, H, W) = " + Shape.str(shape()));
            }
            System.arraycopy(computed, 0, z, 0, z.length); // a source may hand back a shared array
        }
        return zeroIgnored(z);
    }

    /**
     * {@link #map(MapSource)} as a tensor that needs no gradient, kept with this target ({@link #tensor}): on a
     * device backend the map is uploaded once for as long as the target is in use.
     */
    public Tensor mapTensor(MapSource source) {
        return tensor("map " + source.key(), shape(), () -> map(source));
    }

    /** Computes a map kind with this target's grid, options and cache (what {@link MapSource#of} uses). */
    float[] computeMap(MapKind kind) {
        return computeMap(kind, mapOptions);
    }

    /** Computes a map kind with this target's grid and cache and the given options. */
    float[] computeMap(MapKind kind, MapOptions options) {
        float[] out = floatBuffer(batch * classes * pixels());
        new MapBatch(cache).fill(kind, mapLabels(), batch, imageGrid(), classes, options, out);
        return out;
    }

    // ---- other scales ------------------------------------------------------------------------------

    /**
     * This target at another image size, for deep supervision: labels resized by nearest neighbour
     * ({@link Functional#resizeLabels}, PyTorch's mode='nearest'), spacing scaled so that the image keeps
     * its physical extent ({@code spacing * H / h}), same map options and cache. Maps are computed
     * from the resized labels (supplied maps are not carried), so each resized label image is mapped once by the
     * shared cache. The labels are not checked again: they come from this target's checked ones. Each size is made
     * once and remembered with this target.
     */
    public Target resized(int newHeight, int newWidth) {
        if (newHeight == height && newWidth == width) return this;
        if (newHeight < 1 || newWidth < 1) {
            throw new IllegalArgumentException("target: cannot resize to " + newHeight + " x " + newWidth);
        }
        // Remembered, so that a target reused across forwards (several losses, deep supervision, the same batch
        // again) resizes once and a device backend keeps the resized target's tensors resident. A resized target
        // shares its parent's buffer lifetime (arena scope or heap), so the memo never outlives its buffers.
        return resized.computeIfAbsent(((long) newHeight << 32) | newWidth, key -> new Target(this, newHeight, newWidth));
    }

    @Override
    public String toString() {
        return "Target(B=" + batch + ", C=" + classes + ", H=" + height + ", W=" + width + ", spacing="
                + Arrays.toString(spacing) + (ignored > 0 ? ", ignored=" + ignored : "") + ")";
    }
}
