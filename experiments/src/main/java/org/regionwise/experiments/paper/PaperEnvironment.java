package org.regionwise.experiments.paper;

import java.util.SortedSet;
import java.util.function.Supplier;
import org.regionwise.experiments.study.EpochObserver;
import org.regionwise.experiments.study.TrialEnvironment;

/**
 * The trial environment of the paper's studies: data sets loaded by name, and the epoch observers their trials name
 * ({@code fig3@E1,E2,...}: {@link Fig3Observer} at those epochs). The same recipe here and on a cluster executor, which
 * makes it through this class's no-argument constructor ({@link TrialEnvironment#executorSupplier()}), so Fig. 3's
 * trials run on any study engine.
 */
public final class PaperEnvironment implements Supplier<TrialEnvironment> {

    /** A new environment (each has its own data sets). */
    public static TrialEnvironment create() {
        return new TrialEnvironment(PaperEnvironment::observer, Fig3Observer.PREFIX + "<epochs>", PaperEnvironment.class.getName());
    }

    @Override
    public TrialEnvironment get() {
        return create();
    }

    /** The observer named {@code name}, or null when this environment has none of that name. */
    static EpochObserver observer(String name) {
        SortedSet<Integer> at = Fig3Observer.parse(name);
        return at == null ? null : new Fig3Observer(at);
    }
}
