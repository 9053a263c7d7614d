package org.regionwise.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.study.TrialEnvironment;

/** The paper's trial environment: Fig. 3's observers made from their names, the same recipe on a cluster executor. */
class PaperEnvironmentTest {

    @Test
    void fig3ObserversAreMadeFromTheirNames() {
        TreeSet<Integer> at = new TreeSet<>(List.of(0, 12, 50));
        String name = Fig3Observer.name(at);
        assertEquals("fig3@0,12,50", name);
        assertEquals(at, Fig3Observer.parse(name));
        assertInstanceOf(Fig3Observer.class, PaperEnvironment.create().observer(name));
        for (String notOne : List.of("fig3@", "fig3@1,,2", "fig3@-1", "fig3@1 ", "fig3@a", "fig4@1", "watch")) {
            assertNull(Fig3Observer.parse(notOne), notOne);
        }
    }

    @Test
    void anUnknownObserverIsRefusedNamingWhatIsKnown() {
        TrialEnvironment env = PaperEnvironment.create();
        assertNull(env.observer(""), "no observer");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.observer("fig4@1"));
        assertEquals("no epoch observer 'fig4@1' here; known: fig3@<epochs>", e.getMessage());
    }

    @Test
    void aClusterExecutorRebuildsItFromTheClassName() throws Exception {
        TrialEnvironment env = PaperEnvironment.create();
        assertEquals(PaperEnvironment.class.getName(), env.executorSupplier());
        Object made = Class.forName(env.executorSupplier()).getConstructor().newInstance();
        TrialEnvironment there = ((Supplier<?>) made).get() instanceof TrialEnvironment t ? t : null;
        assertTrue(there != null && there.observer("fig3@1,2") instanceof Fig3Observer);
        assertEquals("", TrialEnvironment.plain().executorSupplier(), "the plain environment needs no recipe");
    }
}
