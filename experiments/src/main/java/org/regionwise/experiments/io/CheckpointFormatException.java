package org.regionwise.experiments.io;

import java.io.IOException;
import org.regionwise.autodiff.text.OneLine;

/**
 * A checkpoint that cannot be read back: not a ZIP, damaged, an entry missing or malformed. The message
 * names the file and, where one is to blame, the entry ({@code run/checkpoint.npz:trainer.json: field
 * 'epochs' is missing}), so a command can print it as it is.
 */
public final class CheckpointFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** {@code message} is "file: problem", one line; quoted with {@link OneLine}, as it holds a path and the file's fields. */
    CheckpointFormatException(String message) {
        super(OneLine.visible(message));
    }

    CheckpointFormatException(String message, Throwable cause) {
        super(OneLine.visible(message), cause);
    }
}
