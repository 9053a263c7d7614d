package org.regionwise.losses;

/** The one message a loss gives when it cannot leave ignored pixels out. */
public final class IgnoreLabels {
    private IgnoreLabels() {}

    /** "loss X cannot exclude pixels with the ignore label (why); choose another loss". */
    public static String refusal(String lossName, String why) {
        return "loss " + lossName + " cannot exclude pixels with the ignore label (" + why + "); choose a loss that can,"
                + " e.g. rrw, ce, dice or dice-ce";
    }

    /**
     * Refuses {@code loss} for a data set with an ignore label before training starts.
     *
     * @throws IllegalArgumentException when the loss cannot leave ignored pixels out
     */
    public static void requireSupport(Loss loss) {
        if (!loss.supportsIgnoreLabel()) {
            throw new IllegalArgumentException(refusal(loss.name(),
                    "the Lovasz sort and the active-contour length term couple pixels a mask cannot separate"));
        }
    }
}
