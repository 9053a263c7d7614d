package org.regionwise.experiments.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.regionwise.autodiff.optim.OptimizerState;
import org.regionwise.layers.StateDictFile;
import org.regionwise.layers.UNet2dConfig;

/**
 * Everything needed to continue a run exactly, or to use its model: the network's configuration and
 * weights, the optimiser's state (Adam's step count and moments), the schedule's position (the epoch
 * and step; the learning rate is a function of the epoch), the training options and data description,
 * and the history. No random-generator state is stored: see {@link RunSeeds}.
 * Written and read by {@link org.regionwise.experiments.io.CheckpointFile}.
 *
 * @param network   the U-Net's configuration
 * @param options   the training options (the time budget is not stored)
 * @param data      the data the model was trained on, and how to prepare new images
 * @param position  the next step of training
 * @param optimizer Adam's state
 * @param model     the model's state dict: name to shape and values, in the model's order
 * @param history   the epochs trained so far
 */
public record Checkpoint(UNet2dConfig network, TrainingOptions options, DataSpec data, TrainingPosition position,
                         OptimizerState optimizer, Map<String, StateDictFile.Entry> model, TrainingHistory history) {

    /** Checks presence and copies the model map (keeping its order). */
    public Checkpoint {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(history, "history");
        options = options.withoutBudget();
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }

    /** Whether every epoch has been trained. */
    public boolean finished() {
        return position.epoch() >= options.epochs();
    }

    /** The model's values by name, as {@link org.regionwise.layers.Module#loadStateDict} takes them. */
    public Map<String, float[]> modelValues() {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.forEach((k, e) -> out.put(k, e.data()));
        return out;
    }
}
