package org.regionwise.experiments.io;

import java.io.IOException;
import java.nio.file.Path;
import org.regionwise.autodiff.text.OneLine;

/** Another run holds the output folder ({@link OutputLock}): a runtime error naming the folder and its holder. */
public final class OutputLockedException extends IOException {
    private final Path folder;

    OutputLockedException(Path folder, String holder) {
        super(OneLine.visible(folder) + ": in use by another run, " + OneLine.visible(holder)
                + "; wait for it to finish or choose another output");
        this.folder = folder;
    }

    /** The locked folder. */
    public Path folder() {
        return folder;
    }
}
