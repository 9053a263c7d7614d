package org.regionwise.autodiff;

/** Thrown by a backward pass in anomaly mode at the first op that produced a NaN or Inf gradient. */
public final class AnomalyException extends ArithmeticException {
    private final String opName;

    AnomalyException(String opName, String message, Throwable creationSite) {
        super(message);
        this.opName = opName;
        if (creationSite != null) initCause(creationSite);
    }

    /** The simple class name of the op whose backward produced the first non-finite gradient. */
    public String opName() {
        return opName;
    }
}
