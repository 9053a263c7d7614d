package org.regionwise.experiments.io;

import java.io.IOException;
import org.regionwise.autodiff.text.OneLine;

/** Text that is not JSON (RFC 8259), with where it broke: the source, line and column. */
public final class JsonFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source names the text (usually the file)
     * @param line 1-based line of the first bad character, 0 when unknown
     * @param column 1-based column, 0 when unknown
     */
    public JsonFormatException(String source, int line, int column, String problem) {
        // The problem may quote the text (a repeated key holding a newline): quoted, so the message stays one line.
        super(OneLine.visible(source) + ": invalid JSON" + (line > 0 ? " at line " + line + ", column " + column : "") + ": "
                + OneLine.visible(problem));
    }
}
