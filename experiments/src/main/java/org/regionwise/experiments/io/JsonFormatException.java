package org.regionwise.experiments.io;

import java.io.IOException;

/** Text that is not JSON (RFC 8259), with where it broke: the source, line and column. */
public final class JsonFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source names the text (usually the file)
     * @param line 1-based line of the first bad character, 0 when unknown
     * @param column 1-based column, 0 when unknown
     */
    public JsonFormatException(String source, int line, int column, String problem) {
        super(source + ": invalid JSON" + (line > 0 ? " at line " + line + ", column " + column : "") + ": " + problem);
    }
}
