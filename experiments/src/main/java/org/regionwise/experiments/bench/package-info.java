/**
 * {@code regionwise bench}: measured performance of what training leans on, with the numbers a reader
 * needs to judge them (machine, JDK, load average, medians).
 * <ul>
 *   <li>{@link org.regionwise.experiments.bench.UNetBench}: the standard U-Net training step on regionwise,
 *       and the same step in PyTorch ({@link org.regionwise.experiments.bench.UNetStepPeer}, found with
 *       {@link java.util.ServiceLoader} when the optional {@code bench-peer} module is on the class path),
 *       timed interleaved; allocation per step; conv2d throughput against a measured FMA peak.</li>
 *   <li>{@link org.regionwise.experiments.bench.MapsBench}: the maps module's
 *       {@link org.regionwise.maps.bench.MapsBenchmark}, and scipy's {@code distance_transform_edt} on the
 *       same mask in a Python subprocess when Debian's python3-scipy is installed.</li>
 * </ul>
 * Results are ordered maps written by {@link org.regionwise.experiments.io.Json}.
 */
package org.regionwise.experiments.bench;
