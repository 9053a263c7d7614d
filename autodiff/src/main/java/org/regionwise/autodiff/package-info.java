/** regionwise autodiff module: see DESIGN.md for its job. */
package org.regionwise.autodiff;
