/** regionwise maps module: see DESIGN.md for its job. */
package org.regionwise.maps;
