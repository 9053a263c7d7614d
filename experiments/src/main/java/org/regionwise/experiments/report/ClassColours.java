package org.regionwise.experiments.report;

import java.awt.Color;

/**
 * One colour per class, the same in every picture of a report. Foreground classes use the Okabe-Ito
 * palette, chosen because its colours stay distinct for the common forms of colour blindness and
 * against a grey-scale image; after it, hues repeat at a lower brightness.
 */
public final class ClassColours {

    /** Okabe & Ito (2008): orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple. */
    private static final Color[] PALETTE = {
            new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 158, 115), new Color(240, 228, 66),
            new Color(0, 114, 178), new Color(213, 94, 0), new Color(204, 121, 167)};

    /** The background's colour in charts (class 0); images never paint the background. */
    private static final Color BACKGROUND = new Color(120, 120, 120);

    private ClassColours() {
    }

    /**
     * The colour of a class: grey for the background (0), then the palette for 1, 2, ...
     *
     * @throws IllegalArgumentException for a negative class index
     */
    public static Color of(int classIndex) {
        if (classIndex < 0) {
            throw new IllegalArgumentException("class index must be >= 0, got " + classIndex);
        }
        if (classIndex == 0) {
            return BACKGROUND;
        }
        int i = classIndex - 1;
        Color base = PALETTE[i % PALETTE.length];
        // A second round of the palette is darker, so classes 1 and 8 differ.
        return (i / PALETTE.length) % 2 == 0 ? base : base.darker();
    }
}
