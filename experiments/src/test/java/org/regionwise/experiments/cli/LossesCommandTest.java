package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.losses.LossRegistry;

/** {@code regionwise losses}: one line per registered name, in registry order, with its description. */
class LossesCommandTest {

    @Test
    void listsEveryRegisteredLossWithItsDescription() {
        CliRun run = CliRun.of("losses");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        List<LossRegistry.Entry> entries = LossRegistry.entries();
        assertEquals(entries.size(), lines.size(), run.out());
        for (int i = 0; i < entries.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.startsWith(entries.get(i).name() + " ") && line.endsWith(entries.get(i).description()), line);
        }
        assertTrue(run.out().contains("rrw "), "the paper's loss is listed");
    }

    @Test
    void extraArgumentsAreAUsageError() {
        CliRun run = CliRun.of("losses", "rrw");
        assertEquals(2, run.exitCode());
        assertTrue(run.oneErrorLine(), run.err());
    }
}
