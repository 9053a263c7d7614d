/** regionwise gpu module: see DESIGN.md for its job. */
package org.regionwise.gpu;
