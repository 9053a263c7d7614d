package org.regionwise.experiments.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what a killed run left behind: the temporary files of {@link AtomicFile} (".NAME.HEX.tmp"),
 * which a process killed with {@code kill -9} never gets to delete. Called by {@link OutputLock} once it
 * holds a folder, when no writer of this program can be using them; only names of exactly this pattern
 * are touched, in the folder itself and its subfolders one level down (figures), never through links.
 */
public final class StaleTemporaries {
    /** AtomicFile's temporary name: a dot, the target's name, a dot, up to 16 hex digits, ".tmp". */
    static final Pattern NAME = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");

    private StaleTemporaries() {}

    /** Deletes the stale temporaries in {@code folder}; returns the files deleted. */
    public static List<Path> remove(Path folder) throws IOException {
        List<Path> removed = new ArrayList<>();
        remove(folder, 1, removed);
        return removed;
    }

    /** Whether {@code name} is a temporary name of {@link AtomicFile}. */
    public static boolean isTemporaryName(String name) {
        return NAME.matcher(name).matches();
    }

    private static void remove(Path folder, int depth, List<Path> removed) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && isTemporaryName(entry.getFileName().toString())) {
                    if (Files.deleteIfExists(entry)) removed.add(entry);
                } else if (depth > 0 && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    remove(entry, depth - 1, removed);
                }
            }
        }
    }
}
