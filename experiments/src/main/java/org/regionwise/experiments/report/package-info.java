/**
 * Reports of a run, drawn without a display: PNG charts (learning curves, convergence CDFs, Dice per
 * class across losses), PNG images of slices (image with truth and prediction outlined, one channel
 * of a Region-wise map) and a Markdown {@code report.md} that ties them together.
 *
 * <p>Every writer sets {@code java.awt.headless=true} before touching AWT (unless the JVM was started
 * with an explicit value), so reports render on servers and in CI. Charts use XChart; the slice
 * images are plain {@link java.awt.image.BufferedImage}s, pixel for pixel, so nothing is smoothed.
 *
 * <p>Slices are row-major {@code (height, width)} arrays drawn with row 0 at the top, as a NIfTI
 * (z, y, x) volume's axial slice reads; class colours come from {@link ClassColours} everywhere, so a
 * class has the same colour in every picture of a report.
 */
package org.regionwise.experiments.report;
