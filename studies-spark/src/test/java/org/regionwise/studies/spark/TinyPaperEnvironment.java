package org.regionwise.studies.spark;

import java.util.function.Supplier;
import org.regionwise.experiments.paper.PaperEnvironment;
import org.regionwise.experiments.study.TrialEnvironment;

/** The paper's environment (Fig. 3's observers by name) with the tests' synthetic data set {@value TinyEnvironment#DATA}. */
public final class TinyPaperEnvironment implements Supplier<TrialEnvironment> {
    @Override
    public TrialEnvironment get() {
        TrialEnvironment env = PaperEnvironment.create();
        env.put(TinyEnvironment.spec("rrw", 0, 1), TinyEnvironment.data());
        return env;
    }
}
