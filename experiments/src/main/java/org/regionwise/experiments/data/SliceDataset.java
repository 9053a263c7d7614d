package org.regionwise.experiments.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * An ordered, immutable list of 2D {@link Slice}s that share a channel count and a set of classes: one
 * split (training or validation) of a data set, what the trainer samples batches from.
 *
 * <p>Slices may differ in height and width (cases of an nnU-Net data set rarely share a grid);
 * {@link BatchSampler} pads or crops them to one patch size. Every label is checked against the class
 * count once, here, so consumers can index by label without checks.
 */
public final class SliceDataset {
    private final String name;
    private final List<Slice> slices;
    private final List<String> classNames;
    private final List<String> channelNames;
    private final int sliceAxis;
    private final long[] classCounts;
    /** Voxels with nnU-Net v2's ignore label (the class count), which no class owns. */
    private long ignored;

    /**
     * @param name         what this split is, e.g. "train" (for messages and descriptions)
     * @param slices       the samples, in a fixed order (volume by volume, slice by slice)
     * @param classNames   one name per class; class i is label value i
     * @param channelNames one name per image channel
     * @param sliceAxis    the NIfTI axis the volumes were cut along: 0 = x, 1 = y, 2 = z
     * @throws IllegalArgumentException when a slice has another channel count or a label outside the classes
     */
    public SliceDataset(String name, List<Slice> slices, List<String> classNames, List<String> channelNames, int sliceAxis) {
        this.name = Objects.requireNonNull(name, "name");
        this.slices = List.copyOf(slices);
        this.classNames = List.copyOf(classNames);
        this.channelNames = List.copyOf(channelNames);
        if (classNames.isEmpty()) throw new IllegalArgumentException(name + ": a data set needs at least one class");
        if (channelNames.isEmpty()) throw new IllegalArgumentException(name + ": a data set needs at least one channel");
        if (sliceAxis < 0 || sliceAxis > 2) throw new IllegalArgumentException("sliceAxis must be 0, 1 or 2, got " + sliceAxis);
        this.sliceAxis = sliceAxis;
        this.classCounts = new long[classNames.size()];
        for (Slice s : this.slices) {
            if (s.channels() != channelNames.size()) {
                throw new IllegalArgumentException(name + ": slice " + s.volumeId() + "[" + s.sliceIndex() + "] has "
                        + s.channels() + " channels, the data set " + channelNames.size());
            }
            try {
                ignored += ClassFractions.countIgnoring(s.label(), classCounts);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": slice " + s.volumeId() + "[" + s.sliceIndex() + "]: "
                        + e.getMessage(), e);
            }
        }
    }

    /** What this split is, e.g. "train". */
    public String name() { return name; }

    /** Number of slices. */
    public int size() { return slices.size(); }

    /** Whether there are no slices. */
    public boolean isEmpty() { return slices.isEmpty(); }

    /** Slice {@code i}, in the data set's fixed order. */
    public Slice get(int i) { return slices.get(i); }

    /** All slices, unmodifiable, in order. */
    public List<Slice> slices() { return slices; }

    /** Number of classes C (labels are 0..C-1). */
    public int classCount() { return classNames.size(); }

    /** Class names; index = label value. */
    public List<String> classNames() { return classNames; }

    /** Number of image channels. */
    public int channels() { return channelNames.size(); }

    /** Channel names, in channel order. */
    public List<String> channelNames() { return channelNames; }

    /** The NIfTI axis the volumes were cut along: 0 = x, 1 = y, 2 = z (axial). */
    public int sliceAxis() { return sliceAxis; }

    /** The largest slice height (0 when empty). */
    public int maxHeight() {
        return slices.stream().mapToInt(Slice::height).max().orElse(0);
    }

    /** The largest slice width (0 when empty). */
    public int maxWidth() {
        return slices.stream().mapToInt(Slice::width).max().orElse(0);
    }

    /** Pixels of each class over all slices. */
    public long[] classCounts() { return classCounts.clone(); }

    /** Voxels carrying the ignore label, label value {@link #classCount()}: in no class, no loss, no metric. */
    public long ignoredVoxels() { return ignored; }

    /** Fraction of pixels of each class over all slices (sums to 1 unless empty). */
    public double[] classFractions() { return ClassFractions.fractions(classCounts); }

    /** The volumes (cases) present, in order of first appearance. */
    public List<String> volumeIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (Slice s : slices) ids.add(s.volumeId());
        return List.copyOf(ids);
    }

    /** The slices of one volume, sorted by slice index: stack them to get the volume back. */
    public List<Slice> slicesOf(String volumeId) {
        List<Slice> of = new ArrayList<>();
        for (Slice s : slices) if (s.volumeId().equals(volumeId)) of.add(s);
        of.sort(Comparator.comparingInt(Slice::sliceIndex));
        return of;
    }

    /** One line: name, slices, volumes, shape, class fractions. */
    public String summary() {
        if (slices.isEmpty()) return name + ": none";
        int minH = slices.stream().mapToInt(Slice::height).min().orElse(0);
        int minW = slices.stream().mapToInt(Slice::width).min().orElse(0);
        String shape = minH == maxHeight() && minW == maxWidth()
                ? maxHeight() + "x" + maxWidth()
                : minH + ".." + maxHeight() + " x " + minW + ".." + maxWidth();
        return name + ": " + size() + " slices of " + shape + " (HxW) from " + volumeIds().size() + " volume(s); "
                + ClassFractions.format(classFractions(), classNames);
    }
}
