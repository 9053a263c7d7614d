package org.regionwise.gpu;

/** Argument checks of the device ops: a wrong size or offset on the device corrupts a neighbour instead of throwing. */
final class DeviceChecks {
    private DeviceChecks() {}

    static void requireSize(String what, GpuStorage s, int expected) {
        if (s.size() != expected) {
            throw new IllegalArgumentException(what + " has " + s.size() + " elements, expected " + expected);
        }
    }

}
