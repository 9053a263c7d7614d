/** regionwise layers module: see DESIGN.md for its job. */
package org.regionwise.layers;
