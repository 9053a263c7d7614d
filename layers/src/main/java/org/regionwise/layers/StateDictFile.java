package org.regionwise.layers;

/**
 * Named state-dict entries with shapes, as checkpoints store them (the experiments' checkpoint file).
 * The binary file format this class once also wrote and read had no caller left, and went with
 * {@code Module.save/load}; only the entry type remains.
 */
public final class StateDictFile {
    /** One stored array: its shape and values. */
    public record Entry(int[] shape, float[] data) {}

    private StateDictFile() {}
}
