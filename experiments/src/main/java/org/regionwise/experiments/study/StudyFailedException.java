package org.regionwise.experiments.study;

/** Some trials of a study failed; the message (one line) says how many and that a rerun retries them. */
public final class StudyFailedException extends IllegalStateException {
    public StudyFailedException(String message) {
        super(message);
    }
}
