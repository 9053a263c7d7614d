package org.regionwise.gpu.tornado;

/** TornadoVM was asked for but cannot be used in this JVM; the message says what is missing and how to fix it. */
public final class TornadoUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TornadoUnavailableException(String message) {
        super(message);
    }

    public TornadoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
