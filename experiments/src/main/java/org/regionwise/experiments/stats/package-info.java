/**
 * Statistics of the paper's evaluation (SPEC.md section 6): the seeded paired permutation test
 * ({@link org.regionwise.experiments.stats.PairedPermutationTest}), the convergence CDF of Eq. 8
 * ({@link org.regionwise.experiments.stats.ConvergenceCdf}) and numpy-compatible percentiles
 * ({@link org.regionwise.experiments.stats.Percentiles}).
 */
package org.regionwise.experiments.stats;
