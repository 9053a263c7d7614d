package org.regionwise.experiments.study;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.TrainingOptions;

/**
 * One training run of a study, complete enough to run anywhere: which data, which loss (a
 * {@link org.regionwise.losses.LossRegistry} name, which also fixes the map and the combination strategy,
 * e.g. {@code gradual-ce-rrw}), which seed, and the network and schedule. Its {@link #id()} is a pure
 * function of its fields, so a rerun finds the folder of the same trial, and its JSON form
 * ({@link StudyJson}) is what a cluster engine ships to a worker.
 *
 * @param data               {@value DataSpec#DEFAULT} or an nnU-Net raw folder (absolute)
 * @param scale              the default data set's in-plane downsampling (1 for folders)
 * @param validationFraction a folder's share of cases held out for validation
 * @param loss               the loss name
 * @param seed               fixes initial weights and batches
 * @param epochs             epochs to train
 * @param stepsPerEpoch      optimiser steps per epoch, 0 for one pass over the training slices
 * @param batch              slices per step
 * @param lr                 Adam's initial learning rate
 * @param levels             U-Net levels
 * @param baseFilters        filters of the first level
 * @param validateEvery      validate every k epochs (and after the last): the learning curve's resolution
 * @param augment            random flips of training patches
 * @param observer           name of an {@link EpochObserver} the runner's environment provides, or "" for none
 */
@JsonPropertyOrder({"data", "scale", "validationFraction", "loss", "seed", "epochs", "stepsPerEpoch", "batch", "lr",
        "levels", "baseFilters", "validateEvery", "augment", "observer"})
public record TrialSpec(String data, int scale, double validationFraction, String loss, long seed, int epochs,
                        int stepsPerEpoch, int batch, double lr, int levels, int baseFilters, int validateEvery,
                        boolean augment, String observer) {

    /** Checks what can be checked without loading anything. */
    public TrialSpec {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(loss, "loss");
        observer = observer == null ? "" : observer;
        if (!loss.matches("[a-z0-9][a-z0-9-]*")) throw new IllegalArgumentException("loss name '" + OneLine.visible(loss) + "' is not a registry name");
        if (levels < 2 || baseFilters < 1 || scale < 1) throw new IllegalArgumentException("levels >= 2, base filters >= 1, scale >= 1");
        // The training options check the rest (epochs, batch, lr, ...), with their own messages.
        options(loss, seed, epochs, stepsPerEpoch, batch, lr, validateEvery, augment);
    }

    /** The trainer's options for this trial (no time budget: a trial always runs to its last epoch). */
    public TrainingOptions trainingOptions() {
        return options(loss, seed, epochs, stepsPerEpoch, batch, lr, validateEvery, augment);
    }

    private static TrainingOptions options(String loss, long seed, int epochs, int stepsPerEpoch, int batch, double lr,
                                           int validateEvery, boolean augment) {
        return new TrainingOptions(loss, epochs, stepsPerEpoch, batch, lr, TrainingOptions.WEIGHT_DECAY, seed, validateEvery,
                augment, null);
    }

    /** This spec with another seed. */
    public TrialSpec withSeed(long s) {
        return new TrialSpec(data, scale, validationFraction, loss, s, epochs, stepsPerEpoch, batch, lr, levels, baseFilters,
                validateEvery, augment, observer);
    }

    /** This spec with another loss. */
    public TrialSpec withLoss(String name) {
        return new TrialSpec(data, scale, validationFraction, name, seed, epochs, stepsPerEpoch, batch, lr, levels, baseFilters,
                validateEvery, augment, observer);
    }

    /**
     * A stable, readable id: {@code <loss>-s<seed>-<8 hex digits of the SHA-256 of the spec's JSON>}. Used as the
     * trial's folder name and as the sort key of every table, so outputs do not depend on completion order.
     */
    public String id() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(StudyJson.text(this).getBytes(StandardCharsets.UTF_8));
            return loss + "-s" + seed + "-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
