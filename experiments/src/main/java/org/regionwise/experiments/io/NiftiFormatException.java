package org.regionwise.experiments.io;

import java.io.IOException;
import org.regionwise.autodiff.text.OneLine;

/**
 * A file (or stream) is not a NIfTI-1 image this library can read: wrong magic, an impossible or
 * unsupported header field, or data that ends before the header says it should. The message names the
 * source and the problem, so a command-line tool can print it as it is.
 *
 * <p>This is the only exception {@link NiftiReader} throws for bad content; plain {@link IOException}s
 * (missing file, permission denied, disk errors) still come through as themselves.
 */
public final class NiftiFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source the file name or stream description; @param problem what is wrong with it. Both are quoted with
     * {@link OneLine} (a file name may hold a newline, a cause's message a header's text), so the message is one line.
     */
    public NiftiFormatException(String source, String problem) {
        super(OneLine.visible(source) + ": " + OneLine.visible(problem));
    }

    /** As {@link #NiftiFormatException(String, String)}, keeping the low-level cause (e.g. a gzip error). */
    public NiftiFormatException(String source, String problem, Throwable cause) {
        super(OneLine.visible(source) + ": " + OneLine.visible(problem), cause);
    }
}
