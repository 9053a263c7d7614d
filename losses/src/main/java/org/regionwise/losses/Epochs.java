package org.regionwise.losses;

/** The one check every epoch-aware method shares. */
final class Epochs {
    private Epochs() {}

    static int check(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0 (counted from 0), got " + epoch);
        return epoch;
    }
}
