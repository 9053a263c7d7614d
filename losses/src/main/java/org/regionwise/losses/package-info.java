/** regionwise losses module: see DESIGN.md for its job. */
package org.regionwise.losses;
