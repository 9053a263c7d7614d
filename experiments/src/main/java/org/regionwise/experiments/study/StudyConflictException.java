package org.regionwise.experiments.study;

/** A study folder that cannot be used for this study (another command or configuration made it); the message is one line. */
public final class StudyConflictException extends IllegalArgumentException {
    public StudyConflictException(String message) {
        super(message);
    }
}
