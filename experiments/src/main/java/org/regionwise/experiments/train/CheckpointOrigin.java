package org.regionwise.experiments.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which command wrote a checkpoint and on what data: {@code demo} refuses to replace a {@code train}
 * run's checkpoint, and {@code train --resume} refuses data that changed since ({@link DataFingerprint}).
 * Stored as trainer.json's "origin"; checkpoints written before it existed have none (null).
 *
 * @param command the command that wrote it ("train", "demo")
 * @param data    the data set's fingerprint when training started or last resumed
 */
public record CheckpointOrigin(String command, DataFingerprint data) {
    /** Checks presence. */
    public CheckpointOrigin {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(data, "data");
    }

    /** The JSON tree stored in trainer.json. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("data_fingerprint", data.toJson());
        return m;
    }

    /**
     * Reads {@link #toJson}'s tree.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public static CheckpointOrigin fromJson(Object json) {
        if (!(json instanceof Map<?, ?> m) || !(m.get("command") instanceof String command)) {
            throw new IllegalArgumentException("origin.command is missing");
        }
        return new CheckpointOrigin(command, DataFingerprint.fromJson(m.get("data_fingerprint")));
    }
}
