package org.regionwise.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The command line's shape: subcommands, help, version, exit codes of bad usage. */
class MainTest {
    private static final String[] COMMANDS = {"demo", "train", "evaluate", "predict", "maps", "metrics", "losses",
            "paper", "bench", "datasets"};

    @Test
    void helpListsEverySubcommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String command : COMMANDS) assertTrue(run.out().contains("  " + command + " "), command + " in\n" + run.out());
    }

    @Test
    void versionNamesTheProgram() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("regionwise "), run.out());
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: regionwise"), run.err());
    }

    @Test
    void anUnknownSubcommandIsOneLineAndExit2() {
        CliRun run = CliRun.of("fly");
        assertEquals(2, run.exitCode());
        assertTrue(run.oneErrorLine(), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "train", "evaluate", "predict", "maps", "metrics", "losses", "paper", "bench", "datasets"})
    void everySubcommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Usage: regionwise " + command), run.out());
    }
}
