package org.regionwise.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.TrainingHistory;

/**
 * Every output of a run is created like any other file (the umask decides), so report.md is as readable as
 * history.csv and a plain file written beside them; it was once owner-only.
 */
class OutputPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void reportMdGetsThePermissionsOfAnyOtherFile() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path report = dir.resolve("report.md");
        ReportWriter.write(report, Report.builder("permissions").build());
        Path history = dir.resolve("history.csv");
        new TrainingHistory(List.of(new EpochRecord(0, 1, 1e-3, 1, 1, null, 0))).writeCsv(history, List.of("bg", "fg"));

        var expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(report));
        assertEquals(expected, Files.getPosixFilePermissions(history));
    }
}
