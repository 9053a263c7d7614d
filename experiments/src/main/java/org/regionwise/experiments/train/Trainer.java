package org.regionwise.experiments.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regionwise.autodiff.BufferArena;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.optim.Adam;
import org.regionwise.autodiff.optim.PolyLR;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.Batch;
import org.regionwise.experiments.data.BatchSampler;
import org.regionwise.layers.StateDictFile;
import org.regionwise.layers.UNet2d;
import org.regionwise.losses.DeepSupervisionLoss;
import org.regionwise.losses.Target;
import org.regionwise.maps.MapCache;
import org.regionwise.experiments.eval.DiceScores;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.predict.SlicePredictor;
import org.regionwise.experiments.predict.VolumeSegmentation;
import org.regionwise.experiments.progress.Progress;
import org.regionwise.experiments.progress.ProgressText;

/**
 * Trains a U-Net: epochs of optimiser steps over batches of training slices, nnU-Net's way (SPEC.md 5):
 * Adam with L2 weight decay, the learning rate decayed per epoch as {@code lr0 (1 - e/E)^0.9}, the loss
 * summed over the deep-supervision outputs, validation Dice every few epochs, a checkpoint after every
 * epoch.
 *
 * <p><b>Determinism.</b> The initial weights come from {@link RunSeeds#weightInit}, epoch e's batches
 * from a sampler seeded with {@link RunSeeds#epoch}; nothing else is random. The CPU kernels split work
 * into tasks whose results do not depend on which thread runs them and reduce in a fixed order, so one
 * seed gives the same weights bit for bit on the same machine and thread count (observed also across
 * thread counts 1 to 3; not promised).
 *
 * <p><b>Checkpoints and resume.</b> After each epoch the whole state (weights, Adam's moments and step
 * count, the position, the history) is written atomically to the checkpoint file ({@link CheckpointFile}),
 * and {@code history.csv} beside it. {@link #resume} continues from a checkpoint exactly: the
 * learning rate is a function of the epoch, and the batches of the resumed epoch come from the same
 * seeded sampler. When the time budget runs out in the middle of an epoch, the checkpoint records the
 * step, and a resumed run replays (and discards) that epoch's first batches before training on.
 *
 * <p><b>Best checkpoint.</b> Beside the last checkpoint, {@code checkpoint_best.npz} holds the state after the
 * epoch with the best {@link ValidationEma} of the validation's mean foreground Dice (nnU-Net's
 * {@code checkpoint_best}), written whenever that average sets a new high.
 *
 * <p><b>Divergence.</b> If a step's loss or any gradient is NaN or infinite, training stops before the
 * optimiser step, nothing is written, and the result says which step and where the last good
 * checkpoint is.
 */
public final class Trainer {
    /**
     * Maps kept across steps, the one map cache of the run: each distinct label patch is mapped once per scale
     * (bounded to keep memory flat).
     */
    private static final int MAP_CACHE_ENTRIES = 8192;

    private final TrainingSetup setup;
    private final UNet2d model;
    private final Adam optimizer;
    private final PolyLR schedule;
    private final DeepSupervisionLoss loss;
    private final TrainingHistory history;
    private final MapCache maps = new MapCache(MAP_CACHE_ENTRIES);
    /** Buffers of one step, reused by the next: steady-state steps allocate (almost) nothing. */
    private final BufferArena arena = new BufferArena();
    /** A step's images and labels, written by the sampler into the same arrays every step. */
    private float[] batchImages;
    private int[] batchLabels;
    private final int stepsPerEpoch;
    private TrainingPosition position;
    /** Voxels per class predicted ([0]) and in the reference ([1]) at the last validation, or null. */
    private long[][] lastPredicted;
    /** The position the checkpoint file holds, or null when this run has none yet. */
    private TrainingPosition saved;

    private Trainer(TrainingSetup setup, TrainingPosition position, TrainingHistory history) {
        this.setup = setup;
        TrainingOptions o = setup.options();
        this.model = new UNet2d(setup.network(), RunSeeds.weightInit(o.seed()));
        this.model.train();
        this.optimizer = new Adam(model.parameters(), o.learningRate(), 0.9, 0.999, 1e-8, o.weightDecay());
        this.schedule = new PolyLR(optimizer, o.learningRate(), o.epochs(), PolyLR.DEFAULT_EXPONENT);
        this.loss = new DeepSupervisionLoss(setup.newLoss());
        this.history = history;
        this.position = position;
        this.stepsPerEpoch = o.stepsPerEpoch(setup.train().size());
    }

    /** A new run: weights initialised from the seed. */
    public static Trainer start(TrainingSetup setup) {
        return new Trainer(setup, TrainingPosition.start(), new TrainingHistory());
    }

    /**
     * A run continued from {@code checkpoint}, which must have been written for the same network,
     * options (the time budget aside) and data.
     *
     * @throws IllegalArgumentException naming the first difference
     */
    public static Trainer resume(TrainingSetup setup, Checkpoint checkpoint) {
        requireSameRun(setup, checkpoint);
        Trainer t = new Trainer(setup, checkpoint.position(), new TrainingHistory(checkpoint.history().epochs()));
        Models.load(t.model, checkpoint.model());
        t.optimizer.loadStateDict(checkpoint.optimizer());
        t.saved = checkpoint.position();
        return t;
    }

    /** The network being trained (live: its weights change as {@link #run} goes). */
    public UNet2d model() {
        return model;
    }

    public TrainingHistory history() {
        return history;
    }

    /** The next step to take. */
    public TrainingPosition position() {
        return position;
    }

    /** The training options of this run. */
    public TrainingOptions options() {
        return setup.options();
    }

    /** Steps per epoch of this run. */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /**
     * Trains until every epoch is done, the time budget is spent, or the loss diverges.
     *
     * @throws IOException when a checkpoint cannot be written
     */
    public TrainingResult run() throws IOException {
        return run(Integer.MAX_VALUE);
    }

    /**
     * As {@link #run()}, but returns ({@link StopReason#EPOCH_LIMIT}) after at most {@code epochLimit} more
     * epochs; calling again continues.
     */
    public TrainingResult run(int epochLimit) throws IOException {
        if (epochLimit < 1) throw new IllegalArgumentException("the epoch limit must be >= 1, got " + epochLimit);
        TrainingOptions o = setup.options();
        int stopAt = (int) Math.min(o.epochs(), (long) position.epoch() + epochLimit);
        Progress progress = setup.progress();
        long sessionStart = setup.nanoTime().getAsLong();
        long trainingNanos = 0; // this session's step time, for the rate
        int sessionSteps = 0;
        progress.started(position, o.epochs(), stepsPerEpoch);
        while (position.epoch() < stopAt) {
            int epoch = position.epoch();
            double lr = schedule.apply(epoch);
            loss.setEpoch(epoch);
            BatchSampler sampler = new BatchSampler(setup.train(), o.batchSize(), setup.data().patchHeight(),
                    setup.data().patchWidth(), o.augment(), RunSeeds.epoch(o.seed(), epoch));
            skip(sampler, position.step());
            double lossSum = position.partialLossSum();
            double seconds = position.partialSeconds();
            for (int step = position.step(); step < stepsPerEpoch; step++) {
                if (budgetSpent(sessionStart)) {
                    position = new TrainingPosition(epoch, step, lossSum, seconds);
                    return stopForBudget();
                }
                long t0 = setup.nanoTime().getAsLong();
                Batch batch = nextBatch(sampler);
                double value = step(batch);
                if (!Double.isFinite(value)) return stopForNonFinite(epoch, step, batch, value);
                long t1 = setup.nanoTime().getAsLong();
                lossSum += value;
                seconds += (t1 - t0) / 1e9;
                trainingNanos += t1 - t0;
                sessionSteps++;
                double rate = sessionSteps / Math.max(trainingNanos / 1e9, 1e-9);
                long left = (long) (o.epochs() - epoch - 1) * stepsPerEpoch + (stepsPerEpoch - step - 1);
                progress.step(new Progress.StepReport(epoch, o.epochs(), step, stepsPerEpoch, value, rate, left / rate));
            }
            double[] dice = null;
            double validationSeconds = 0;
            if (o.validatesAfter(epoch) && !setup.validation().isEmpty()) {
                long v0 = setup.nanoTime().getAsLong();
                dice = validate();
                validationSeconds = (setup.nanoTime().getAsLong() - v0) / 1e9;
            }
            EpochRecord record = new EpochRecord(epoch, lossSum / stepsPerEpoch, lr, stepsPerEpoch, seconds, dice, validationSeconds);
            history.add(record);
            position = TrainingPosition.startOf(epoch + 1);
            // The best checkpoint first: a run killed between the two writes resumes from the previous epoch's last
            // checkpoint and redoes this epoch, rewriting the same best file, so no best epoch is ever skipped.
            if (ValidationEma.lastIsBest(history.epochs())) CheckpointFile.write(setup.bestCheckpointFile(), checkpoint());
            saveCheckpoint();
            progress.epochFinished(record, o.epochs());
            if (dice != null) {
                String unseen = NeverPredicted.note(lastPredicted, setup.data().classNames(), epoch);
                if (!unseen.isEmpty()) progress.note(unseen);
            }
        }
        if (position.epoch() < o.epochs()) {
            return new TrainingResult(StopReason.EPOCH_LIMIT, "paused after epoch " + position.epoch() + " of " + o.epochs()
                    + "; checkpoint " + setup.checkpointFile(), saved, history, setup.checkpointFile());
        }
        String message = "trained " + o.epochs() + " epochs; checkpoint " + setup.checkpointFile();
        progress.note(message);
        return new TrainingResult(StopReason.COMPLETED, message, saved, history, setup.checkpointFile());
    }

    /**
     * This run continued with {@code epochs} epochs in all, validation every {@code validateEvery} and a new
     * time budget (for the calls to {@link #run} that follow), from the current state. Allowed only at an epoch boundary no later than the end of epoch 0, where it
     * is exact: the weights then equal those of a run started with the new count, because the only
     * epoch trained so far ran at {@code lr0 (1 - 0/E)^0.9 = lr0} whatever E is, and nothing else that
     * touched the weights depends on E. This lets the demo fit its epoch count to a time budget after
     * timing epoch 0 on the real data.
     *
     * @throws IllegalStateException after epoch 0, or in the middle of an epoch
     */
    public Trainer withEpochs(int epochs, int validateEvery, Duration timeBudget) throws IOException {
        if (position.epoch() > 1 || !position.atEpochStart()) {
            throw new IllegalStateException("the epoch count can change only before or right after epoch 0, not at " + position);
        }
        TrainingOptions o = setup.options().withEpochs(epochs).withValidateEvery(validateEvery).withTimeBudget(timeBudget);
        TrainingSetup replanned = setup.withOptions(o);
        Checkpoint now = checkpoint();
        Trainer t = resume(replanned, new Checkpoint(now.network(), o, now.data(), now.position(), now.optimizer(), now.model(),
                now.history()));
        t.saveCheckpoint();
        return t;
    }

    /**
     * One optimiser step on {@code batch}; returns the loss, or a non-finite value without stepping. The
     * step's activations and intermediate gradients come from {@link #arena}, recycled by the next step
     * (parameters, their gradients and Adam's moments live outside it).
     */
    private double step(Batch batch) {
        try (var recycled = arena.open()) {
            return stepInArena(batch);
        }
    }

    private double stepInArena(Batch batch) {
        Tensor x = Tensor.of(batch.images(), batch.imageShape());
        double[] spacing = setup.data().spacing();
        Target target = Target.builder(batch.labels(), batch.size(), batch.height(), batch.width(), setup.network().classes())
                .spacing(spacing[0], spacing[1])
                .mapOptions(setup.mapOptions())
                .cache(maps)
                .ignoreLabel(setup.network().classes()) // nnU-Net v2's ignore label, one past the classes (none in most data)
                .build();
        optimizer.zeroGrad();
        List<Tensor> outputs = model.forward(x);
        Tensor l = loss.forward(outputs, target);
        double value = l.item();
        if (!Double.isFinite(value)) return value;
        l.backward();
        if (!gradientsFinite()) return Double.NaN;
        optimizer.step();
        return value;
    }

    private boolean gradientsFinite() {
        for (Tensor p : optimizer.parameters()) {
            // Asked of the backend: a device answers with one reduction and a one-float download.
            if (p.hasGrad() && !p.backend().kernels().allFinite(p.gradStorage())) return false;
        }
        return true;
    }

    /** Mean Dice per class over the validation volumes; also sets {@link #lastPredicted}. */
    private double[] validate() {
        SlicePredictor predictor = new SlicePredictor(model, setup.options().batchSize());
        int classes = setup.network().classes();
        List<VolumeSegmentation> volumes = VolumeSegmentation.predictAll(setup.validation(), predictor);
        long[][] voxels = new long[2][classes];
        for (VolumeSegmentation v : volumes) {
            for (int label : v.prediction()) voxels[0][label]++;
            for (int label : v.reference()) if (label >= 0 && label < classes) voxels[1][label]++;
        }
        lastPredicted = voxels;
        return DiceScores.mean(volumes, classes);
    }

    /** Draws and discards the first {@code steps} batches of a resumed epoch. */
    private void skip(BatchSampler sampler, int steps) {
        for (int i = 0; i < steps; i++) nextBatch(sampler);
    }

    /**
     * The sampler's next batch, written into {@link #batchImages} and {@link #batchLabels}, which every step
     * reuses (the patch size is fixed for the run), so drawing a batch allocates nothing per pixel.
     */
    private Batch nextBatch(BatchSampler sampler) {
        int channels = setup.train().channels();
        int pixels = sampler.batchSize() * sampler.patchHeight() * sampler.patchWidth();
        if (batchLabels == null || batchLabels.length != pixels || batchImages.length != pixels * channels) {
            batchImages = new float[pixels * channels];
            batchLabels = new int[pixels];
        }
        int[] indices = sampler.nextInto(batchImages, batchLabels);
        return new Batch(sampler.batchSize(), channels, sampler.patchHeight(), sampler.patchWidth(), batchImages, batchLabels,
                indices);
    }

    private boolean budgetSpent(long sessionStart) {
        var budget = setup.options().timeBudget();
        return budget != null && setup.nanoTime().getAsLong() - sessionStart >= budget.toNanos();
    }

    private TrainingResult stopForBudget() throws IOException {
        saveCheckpoint();
        String message = String.format(Locale.ROOT, "time budget of %s spent at epoch %d/%d, step %d/%d; checkpoint %s"
                        + " (continue with: regionwise train --resume --out %s)",
                ProgressText.duration(setup.options().timeBudget().toSeconds()), position.epoch() + 1, setup.options().epochs(),
                position.step() + 1, stepsPerEpoch, setup.checkpointFile(), setup.checkpointFile().toAbsolutePath().getParent());
        setup.progress().note(message);
        return new TrainingResult(StopReason.TIME_BUDGET, message, saved, history, setup.checkpointFile());
    }

    private TrainingResult stopForNonFinite(int epoch, int step, Batch batch, double value) {
        String what = Double.isNaN(value) ? "NaN" : "infinite";
        String kept = saved == null
                ? "no checkpoint had been written yet"
                : "the last good checkpoint (epoch " + saved.epoch() + (saved.step() > 0 ? ", step " + saved.step() : "")
                  + " of " + setup.options().epochs() + " done) is kept: " + setup.checkpointFile();
        String message = String.format(Locale.ROOT, "stopped: the loss or a gradient became %s at epoch %d, step %d (batch of"
                        + " %s); %s. The input files were checked to be finite when loaded, so the training diverged: try a lower"
                        + " --lr.", what, epoch + 1, step + 1, slicesOf(batch), kept);
        setup.progress().note(message);
        return new TrainingResult(StopReason.NON_FINITE_LOSS, message, saved, history, saved == null ? null : setup.checkpointFile());
    }

    /** "case_3 slice 4, case_7 slice 0": where a batch's samples come from, for messages. */
    private String slicesOf(Batch batch) {
        StringBuilder s = new StringBuilder();
        for (int index : batch.sliceIndices()) {
            var slice = setup.train().get(index);
            s.append(s.length() == 0 ? "" : ", ").append(slice.volumeId()).append(" slice ").append(slice.sliceIndex());
        }
        return s.toString();
    }

    /** The current state as a checkpoint. */
    public Checkpoint checkpoint() {
        Map<String, StateDictFile.Entry> state = new LinkedHashMap<>();
        model.stateTensors().forEach((name, t) -> state.put(name, new StateDictFile.Entry(t.shape(), t.toArray())));
        return new Checkpoint(setup.network(), setup.options(), setup.data(), position, optimizer.stateDict(), state,
                new TrainingHistory(history.epochs()), setup.origin());
    }

    private void saveCheckpoint() throws IOException {
        CheckpointFile.write(setup.checkpointFile(), checkpoint());
        history.writeCsv(setup.historyFile(), setup.data().classNames());
        saved = position;
    }

    /** What must match between a setup and the checkpoint it resumes. */
    private static void requireSameRun(TrainingSetup setup, Checkpoint c) {
        if (!setup.network().equals(c.network())) {
            throw new IllegalArgumentException(OneLine.visible("the checkpoint holds network " + c.network() + ", not " + setup.network()));
        }
        if (!setup.options().withoutBudget().equals(c.options())) {
            // The options and data hold names from the checkpoint file and dataset.json (loss, classes): quoted whole.
            throw new IllegalArgumentException(OneLine.visible("the checkpoint was trained with " + c.options() + ", not "
                    + setup.options().withoutBudget()));
        }
        DataSpec a = setup.data(), b = c.data();
        if (!a.classNames().equals(b.classNames()) || !a.channelNames().equals(b.channelNames())
                || a.patchHeight() != b.patchHeight() || a.patchWidth() != b.patchWidth()
                || !Arrays.equals(a.spacing(), b.spacing()) || a.scale() != b.scale()) {
            throw new IllegalArgumentException(OneLine.visible("the checkpoint was trained on other data (" + b.description()
                    + ", classes " + b.classNames() + ", patch " + b.patchHeight() + "x" + b.patchWidth() + ", scale " + b.scale() + ")"));
        }
        if (c.position().epoch() > c.options().epochs()) {
            throw new IllegalArgumentException("the checkpoint is at epoch " + c.position().epoch() + " of " + c.options().epochs());
        }
    }
}
