package org.regionwise.experiments.data;

import java.io.IOException;
import org.regionwise.autodiff.text.OneLine;

/**
 * A data set folder or one of its files is not usable: invalid dataset.json, a label outside the declared
 * classes, images and labels on different grids. The message names the file and the problem, so a
 * command-line tool can print it as it is (the same shape as {@link org.regionwise.experiments.io.NiftiFormatException}).
 */
public final class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param source the file or folder; @param problem what is wrong with it. Both are quoted with {@link OneLine}:
     * the problem often holds a field of the user's file (a label name, a case id), and the message is one line.
     */
    public DatasetFormatException(String source, String problem) {
        super(OneLine.visible(source) + ": " + OneLine.visible(problem));
    }

    /** A data set file that is not JSON at all; the message (file, line, column) is the parser's. */
    public DatasetFormatException(org.regionwise.experiments.io.JsonFormatException cause) {
        super(cause.getMessage(), cause);
    }
}
