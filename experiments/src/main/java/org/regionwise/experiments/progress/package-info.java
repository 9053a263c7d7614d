/**
 * Progress of a long run: the {@link org.regionwise.experiments.progress.Progress} callbacks that training reports through,
 * and their two console forms, a redrawn bar on a terminal and plain lines elsewhere.
 */
package org.regionwise.experiments.progress;
