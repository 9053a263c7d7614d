/** regionwise experiments module: see DESIGN.md for its job. */
package org.regionwise.experiments;
