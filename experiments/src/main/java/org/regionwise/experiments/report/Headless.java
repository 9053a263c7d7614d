package org.regionwise.experiments.report;

/**
 * Puts AWT into headless mode before any writer touches it: on a server without a display, the
 * first AWT call would otherwise fail (or try to open an X connection). An explicit
 * {@code -Djava.awt.headless=...} from the user wins.
 */
final class Headless {

    private Headless() {
    }

    /** Sets {@code java.awt.headless=true} unless it is already set; idempotent and cheap. */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
