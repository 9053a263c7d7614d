/**
 * The differentiable ops: each a small {@link org.regionwise.autodiff.Function} whose static
 * {@code apply} is the forward pass and whose {@code backward} sits right beside it.
 */
package org.regionwise.autodiff.ops;
