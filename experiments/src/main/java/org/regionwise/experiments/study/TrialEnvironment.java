package org.regionwise.experiments.study;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.TrainingDataLoader;

/**
 * What a {@link Trial} gets from whoever runs it, beyond its spec: how many CPU threads it may use, the
 * data sets (loaded once per process and shared read-only between trials), and the epoch observers it may
 * name. A cluster engine builds one per worker ({@link #executorSupplier()} says how); {@link LocalRunner} one per study.
 */
public final class TrialEnvironment {
    private final Function<String, EpochObserver> observers;
    private final String knownObservers;
    private final String executorSupplier;
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
        this(Map.copyOf(observers)::get, observers.keySet().toString(), "");
    }

    /**
     * An environment whose observers are made from their names (names that carry parameters, as Fig. 3's
     * {@code fig3@1,12,50}), and that a cluster executor can rebuild.
     *
     * @param observers        the observer of a name, or null for a name it does not know
     * @param knownObservers   the names it knows, for the error about an unknown one (e.g. {@code fig3@<epochs>})
     * @param executorSupplier a public {@code Supplier<TrialEnvironment>} class with a public no-argument constructor that
     *                         makes an equivalent environment on a cluster executor, or "" when the plain one will do
     */
    public TrialEnvironment(Function<String, EpochObserver> observers, String knownObservers, String executorSupplier) {
        this.observers = Objects.requireNonNull(observers);
        this.knownObservers = Objects.requireNonNull(knownObservers);
        this.executorSupplier = Objects.requireNonNull(executorSupplier);
    }

    /**
     * The {@code Supplier<TrialEnvironment>} class a cluster executor makes its environment with ("" for the plain one):
     * the data sets load there by name, so only the observers need a recipe. Epoch listeners stay in this process.
     */
    public String executorSupplier() {
        return executorSupplier;
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
        EpochObserver o = observers.apply(name);
        if (o == null) throw new IllegalArgumentException("no epoch observer '" + OneLine.visible(name) + "' here; known: " + knownObservers);
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
