/**
 * Distance transforms, boundary extraction, Region-wise (RW) maps and rectification (SPEC.md
 * sections 2-3). JDK only.
 *
 * <p>Conventions shared by every class here:
 * <ul>
 *   <li>Images are flat row-major arrays described by a {@link org.regionwise.maps.Grid}: 2D
 *       {@code (H, W)} or 3D {@code (D, H, W)}, slowest axis first, with a physical spacing per
 *       axis. Distances are in spacing units.</li>
 *   <li>Label images are {@code int[]} with one class index in {@code [0, C)} per voxel, class 0
 *       being the background.</li>
 *   <li>Maps are channel-major {@code float[C * N]}: component {@code k} of voxel {@code i} is at
 *       {@code k * N + i}, so one image of a {@code (B, C, H, W)} batch is one contiguous block.</li>
 *   <li>A map is <em>rectified</em> when, at every voxel, the components other than the true class
 *       are equal and the true-class component is strictly smaller (SPEC.md section 2).</li>
 * </ul>
 * Entry points: {@link org.regionwise.maps.DistanceTransform}, {@link org.regionwise.maps.Boundaries},
 * {@link org.regionwise.maps.RegionMaps}, {@link org.regionwise.maps.MapBatch},
 * {@link org.regionwise.maps.MapCache}.
 */
package org.regionwise.maps;
