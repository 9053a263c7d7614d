package org.regionwise.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.io.OutputLock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * How every writing command claims its output, before it reads or computes anything: checks the
 * {@code --out} value and takes the output folder's {@link OutputLock}, so that a second writer, an
 * unwritable folder or a wrong kind of path is a one-line error at once, not after an epoch of training.
 *
 * <p>An output file that is a symbolic link is refused: writing through it would change a file outside
 * the output folder, and replacing the link would surprise whoever made it. A folder that is a link is
 * fine (a run folder on another disk is common).
 */
final class OutputTargets {
    private OutputTargets() {}

    /** Locks the output folder {@code dir} for {@code spec}'s command (created if missing). */
    static OutputLock folder(CommandSpec spec, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ParameterException(spec.commandLine(), "--out " + OneLine.visible(dir) + " is a file; give a folder");
        }
        return OutputLock.acquire(dir, spec.qualifiedName());
    }

    /** Checks the output file {@code file} and locks the folder it goes in. */
    static OutputLock file(CommandSpec spec, String option, Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + OneLine.visible(file) + " is a symbolic link; give the path of a"
                    + " regular file (the link would be replaced, not written through)");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ParameterException(spec.commandLine(), option + " " + OneLine.visible(file) + " is a folder; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        return OutputLock.acquire(parent, spec.qualifiedName());
    }
}
