package org.regionwise.experiments.data;

import java.util.List;
import java.util.Objects;

/**
 * A data set ready for training: its source, the training and validation splits (disjoint: no voxel is
 * in both), and the lines that say how it was made (grid, split, crop, normalisation).
 *
 * @param source     where the data came from (and whether it is the phantom)
 * @param train      the training slices
 * @param validation the validation slices (same classes and channels; may be empty for a single case)
 * @param details    how it was made, one line each, for {@link #describe()}
 */
public record TrainingData(DatasetSource source, SliceDataset train, SliceDataset validation, List<String> details) {

    /** Checks that both splits share classes and channels. */
    public TrainingData {
        Objects.requireNonNull(source, "source");
        details = List.copyOf(details);
        if (!train.classNames().equals(validation.classNames()) || !train.channelNames().equals(validation.channelNames())) {
            throw new IllegalArgumentException("train and validation must share classes and channels");
        }
    }

    /** The class names, index = label value. */
    public List<String> classNames() {
        return train.classNames();
    }

    /** Number of classes, background included. */
    public int classCount() {
        return train.classCount();
    }

    /** Number of image channels. */
    public int channels() {
        return train.channels();
    }

    /**
     * A multi-line report: source, files, details, classes, splits with class fractions. The source's warning is
     * not repeated here: every command prints it once, on stderr.
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("data set: ").append(source.name()).append(source.isPhantom() ? " (generated phantom, not real data)" : "").append('\n');
        for (var f : source.files()) s.append("  file: ").append(f).append('\n');
        for (String line : details) s.append(line).append('\n');
        s.append("channels: ").append(String.join(", ", train.channelNames())).append('\n');
        s.append("classes: ");
        for (int c = 0; c < classCount(); c++) s.append(c == 0 ? "" : ", ").append(c).append(' ').append(classNames().get(c));
        s.append('\n');
        s.append(train.summary()).append('\n');
        s.append(validation.summary()).append('\n');
        return s.toString();
    }
}
