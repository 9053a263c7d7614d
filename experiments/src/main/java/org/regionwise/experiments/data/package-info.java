/**
 * Medical image files: a self-contained NIfTI-1 reader and writer (JDK only).
 *
 * <p>{@link org.regionwise.experiments.data.NiftiReader} reads {@code .nii} and {@code .nii.gz} in both
 * byte orders into a {@link org.regionwise.experiments.data.NiftiImage} (header plus {@code float[]} in
 * NIfTI order, x fastest); {@link org.regionwise.experiments.data.NiftiWriter} writes one back, keeping
 * the qform/sform. Anything malformed raises
 * {@link org.regionwise.experiments.data.NiftiFormatException} with the file name and the problem.
 *
 * <p>Axis order: a NIfTI volume (nx, ny, nz) in x-fastest order is a row-major (D = nz, H = ny, W = nx)
 * array with spacing (dz, dy, dx); a 2D slice of it is one z plane.
 */
package org.regionwise.experiments.data;
