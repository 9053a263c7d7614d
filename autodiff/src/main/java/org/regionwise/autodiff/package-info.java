/**
 * Reverse-mode automatic differentiation over float32 tensors.
 *
 * <p>{@link org.regionwise.autodiff.Tensor} holds a shape and a {@link org.regionwise.autodiff.backend.Storage};
 * ops are small {@link org.regionwise.autodiff.Function}s with forward and backward side by side
 * (package {@code ops}); the tape records a Function only when an input requires grad and grad mode is on
 * ({@link org.regionwise.autodiff.GradMode}); {@link org.regionwise.autodiff.Tensor#backward()} walks the
 * recorded graph in reverse topological order and accumulates gradients with {@code +=}.
 */
package org.regionwise.autodiff;
