package org.regionwise.experiments.fuzz;

/** How one fuzz case ended: the columns of the table (and a poor error, which counts as failed too). */
public enum FuzzVerdict {
    /** One line naming the file or option and what is wrong, with the right exit code. */
    CLEAR_ERROR,
    /** Exit 0 with a result the documentation describes for that input. */
    DOCUMENTED,
    /** An error that is more than one line, or names nothing, or has the wrong exit code. */
    POOR_ERROR,
    /** "internal error", an exception's class name, or out of memory. */
    INTERNAL_ERROR,
    /** Did not finish within the case's time limit. */
    HANG,
    /** Exit 0 where the input should have been refused, or a result that differs from the oracle's. */
    SILENT_WRONG,
    /** A file outside the output changed, or a temporary was left behind. */
    DATA_LOST;

    /** Whether this verdict fails the suite. */
    public boolean bad() {
        return this != CLEAR_ERROR && this != DOCUMENTED;
    }
}
