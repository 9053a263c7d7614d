package org.regionwise.experiments.study;

import org.regionwise.autodiff.text.OneLine;

/** A study folder that cannot be used for this study (another command or configuration made it); the message is one line. */
public final class StudyConflictException extends IllegalArgumentException {
    /** {@code message} is one line; it quotes folders, manifests and trial errors, so it is {@link OneLine}-quoted. */
    public StudyConflictException(String message) {
        super(OneLine.visible(message));
    }
}
