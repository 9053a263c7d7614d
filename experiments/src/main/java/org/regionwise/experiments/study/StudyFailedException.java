package org.regionwise.experiments.study;

import org.regionwise.autodiff.text.OneLine;

/** Some trials of a study failed; the message (one line) says how many and that a rerun retries them. */
public final class StudyFailedException extends IllegalStateException {
    /** {@code message} is one line; it quotes folders, manifests and trial errors, so it is {@link OneLine}-quoted. */
    public StudyFailedException(String message) {
        super(OneLine.visible(message));
    }
}
