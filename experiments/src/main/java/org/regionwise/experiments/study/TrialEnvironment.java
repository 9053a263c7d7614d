package org.regionwise.experiments.study;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.TrainingDataLoader;

/**
 * What a {@link Trial} gets from whoever runs it, beyond its spec: how many CPU threads it may use, the
 * data sets (loaded once per process and shared read-only between trials), and the epoch observers it may
 * name. A cluster engine builds one per worker; {@link LocalRunner} one per study.
 */
public final class TrialEnvironment {
    private final Map<String, EpochObserver> observers;
    private final Map<List<Object>, TrainingData> data = new ConcurrentHashMap<>();
    private final Map<List<Object>, Object> locks = new ConcurrentHashMap<>();
    private volatile EpochListener epochListener = (spec, record, epochs) -> {};

    /** Hears about every epoch a trial finishes (for progress lines; called from the trial's thread). */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(TrialSpec spec, EpochRecord record, int epochs);
    }

    /** @param observers the observers trials may name, by name */
    public TrialEnvironment(Map<String, EpochObserver> observers) {
        this.observers = Map.copyOf(observers);
    }

    /** An environment without observers. */
    public static TrialEnvironment plain() {
        return new TrialEnvironment(Map.of());
    }

    /** Sends every finished epoch of every trial to {@code listener} (e.g. one progress line each); returns this. */
    public TrialEnvironment onEpoch(EpochListener listener) {
        this.epochListener = Objects.requireNonNull(listener);
        return this;
    }

    public EpochListener epochListener() {
        return epochListener;
    }

    /** The observer {@code name}, or null for "". */
    public EpochObserver observer(String name) {
        if (name.isEmpty()) return null;
        EpochObserver o = observers.get(name);
        if (o == null) throw new IllegalArgumentException("no epoch observer '" + name + "' here; known: " + observers.keySet());
        return o;
    }

    /** The data set of {@code spec}, loaded on first use (concurrent callers wait for the one load). */
    public TrainingData data(TrialSpec spec) throws IOException {
        List<Object> key = List.of(spec.data(), spec.scale(), spec.validationFraction());
        TrainingData d = data.get(key);
        if (d != null) return d;
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            d = data.get(key);
            if (d == null) {
                d = TrainingDataLoader.load(spec.data(), spec.scale(), spec.validationFraction());
                data.put(key, d);
            }
            return d;
        }
    }

    /** Puts an already loaded data set (a command that checked it before running, or a test). */
    public void put(TrialSpec spec, TrainingData loaded) {
        data.put(List.of(spec.data(), spec.scale(), spec.validationFraction()), Objects.requireNonNull(loaded));
    }

}
