/**
 * Differentiable ops the layers need beyond autodiff's primitives: fused instance and batch normalisation,
 * each a {@link org.regionwise.autodiff.Function} with its forward ({@code apply}) and backward side by
 * side, over the shared per-group kernels of {@link org.regionwise.layers.functional.NormKernels}.
 */
package org.regionwise.layers.functional;
