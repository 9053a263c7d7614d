/** regionwise tests module: see DESIGN.md for its job. */
package org.regionwise.tests;
