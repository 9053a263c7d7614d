/**
 * The paper's figures and analyses that need no training: {@link org.regionwise.experiments.paper.Fig2}
 * (gradient signs over the 3-class simplex for an RW-Boundary and an RRW map vector).
 */
package org.regionwise.experiments.paper;
