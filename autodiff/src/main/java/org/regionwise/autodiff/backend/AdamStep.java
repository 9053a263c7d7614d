package org.regionwise.autodiff.backend;

/**
 * The per-step scalars of one Adam update, computed once per step by {@code optim.Adam} (in double, as
 * Python computes them) and applied elementwise in float32 by a backend (see {@link HostOps#adam}).
 */
public record AdamStep(float stepSize, float biasCorrection2Sqrt, float oneMinusBeta1, float beta2, float oneMinusBeta2,
                       float eps, float weightDecay) {}
