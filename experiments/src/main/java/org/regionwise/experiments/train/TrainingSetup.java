package org.regionwise.experiments.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.losses.Loss;
import org.regionwise.losses.LossRegistry;
import org.regionwise.maps.MapOptions;
import org.regionwise.experiments.progress.Progress;

/**
 * Everything a {@link Trainer} is given: network, options, data, where to checkpoint, and the
 * collaborators tests replace (the loss, the progress sink, the clock).
 *
 * <pre>{@code
 * TrainingSetup setup = TrainingSetup.builder(network, options, data, train, validation, out.resolve("checkpoint.npz"))
 *         .progress(Progress.forConsole(out)).build();
 * TrainingResult result = Trainer.start(setup).run();
 * }</pre>
 */
public final class TrainingSetup {
    private final UNet2dConfig network;
    private final TrainingOptions options;
    private final DataSpec data;
    private final SliceDataset train;
    private final SliceDataset validation;
    private final Path checkpointFile;
    private final Supplier<Loss> loss;
    private final Progress progress;
    private final LongSupplier nanoTime;
    private final MapOptions mapOptions;

    private TrainingSetup(Builder b) {
        this.network = b.network;
        this.options = b.options;
        this.data = b.data;
        this.train = b.train;
        this.validation = b.validation;
        this.checkpointFile = b.checkpointFile;
        this.loss = b.loss != null ? b.loss : () -> LossRegistry.create(b.options.lossName());
        this.progress = b.progress;
        this.nanoTime = b.nanoTime;
        this.mapOptions = b.mapOptions;
        if (train.isEmpty()) throw new IllegalArgumentException("the training split has no slices");
        if (network.classes() != data.classCount() || network.classes() != train.classCount()) {
            throw new IllegalArgumentException("the network has " + network.classes() + " classes but the data " + train.classCount());
        }
        if (network.inChannels() != train.channels() || network.inChannels() != data.channelCount()) {
            throw new IllegalArgumentException("the network takes " + network.inChannels() + " channels but the data has " + train.channels());
        }
        int divisor = network.spatialDivisor();
        if (data.patchHeight() % divisor != 0 || data.patchWidth() % divisor != 0) {
            throw new IllegalArgumentException("patch " + data.patchHeight() + "x" + data.patchWidth() + " is not divisible by "
                    + divisor + " (2^(levels-1) for " + network.levels() + " levels)");
        }
    }

    /**
     * A builder with the required parts.
     *
     * @param network        the U-Net to build (or that the checkpoint must hold, when resuming)
     * @param options        the training options
     * @param data           the data description saved in checkpoints (patch size, spacing, class names)
     * @param train          the training slices
     * @param validation     the validation slices (may be empty: then nothing is validated)
     * @param checkpointFile where checkpoints go; {@code history.csv} is written beside it
     */
    public static Builder builder(UNet2dConfig network, TrainingOptions options, DataSpec data, SliceDataset train,
                                  SliceDataset validation, Path checkpointFile) {
        return new Builder(network, options, data, train, validation, checkpointFile);
    }

    /** This setup with other training options (same data, loss factory, progress, clock and map options). */
    public TrainingSetup withOptions(TrainingOptions newOptions) {
        Builder b = new Builder(network, newOptions, data, train, validation, checkpointFile)
                .progress(progress).clock(nanoTime).mapOptions(mapOptions);
        b.loss = loss;
        return new TrainingSetup(b);
    }

    public UNet2dConfig network() { return network; }
    public TrainingOptions options() { return options; }
    public DataSpec data() { return data; }
    public SliceDataset train() { return train; }
    public SliceDataset validation() { return validation; }
    public Path checkpointFile() { return checkpointFile; }
    /** A fresh loss instance (combinations keep their epoch). */
    public Loss newLoss() { return loss.get(); }
    public Progress progress() { return progress; }
    public LongSupplier nanoTime() { return nanoTime; }
    public MapOptions mapOptions() { return mapOptions; }

    /** The history CSV beside the checkpoint. */
    public Path historyFile() {
        Path dir = checkpointFile.toAbsolutePath().getParent();
        return dir.resolve("history.csv");
    }

    /** Builds a {@link TrainingSetup}. */
    public static final class Builder {
        private final UNet2dConfig network;
        private final TrainingOptions options;
        private final DataSpec data;
        private final SliceDataset train;
        private final SliceDataset validation;
        private final Path checkpointFile;
        private Supplier<Loss> loss;
        private Progress progress = Progress.silent();
        private LongSupplier nanoTime = System::nanoTime;
        private MapOptions mapOptions = MapOptions.defaults();

        private Builder(UNet2dConfig network, TrainingOptions options, DataSpec data, SliceDataset train,
                        SliceDataset validation, Path checkpointFile) {
            this.network = Objects.requireNonNull(network, "network");
            this.options = Objects.requireNonNull(options, "options");
            this.data = Objects.requireNonNull(data, "data");
            this.train = Objects.requireNonNull(train, "train");
            this.validation = Objects.requireNonNull(validation, "validation");
            this.checkpointFile = Objects.requireNonNull(checkpointFile, "checkpointFile");
        }

        /** The loss to train with instead of the registry's {@code options.lossName()} (tests inject faults this way). */
        public Builder loss(Supplier<Loss> factory) {
            this.loss = Objects.requireNonNull(factory);
            return this;
        }

        public Builder progress(Progress p) {
            this.progress = Objects.requireNonNull(p);
            return this;
        }

        /** The clock the time budget and rates are measured with (nanoseconds; tests pass a fake one). */
        public Builder clock(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime);
            return this;
        }

        /** Map options (threads, class weights) for the losses' maps. */
        public Builder mapOptions(MapOptions options) {
            this.mapOptions = Objects.requireNonNull(options);
            return this;
        }

        public TrainingSetup build() {
            return new TrainingSetup(this);
        }
    }
}
