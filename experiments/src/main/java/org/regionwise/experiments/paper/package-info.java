/**
 * The paper's figures and tables. {@link org.regionwise.experiments.paper.Fig2} needs no training (gradient signs over
 * the 3-class simplex); the trained experiments are studies ({@link org.regionwise.experiments.paper.PaperStudies}):
 * {@link org.regionwise.experiments.paper.LossTable} (Tables 2-4), {@link org.regionwise.experiments.paper.Fig5}
 * (convergence CDF), {@link org.regionwise.experiments.paper.Fig6} (combination strategies), and
 * {@link org.regionwise.experiments.paper.PaperClaims} puts each of the paper's claims beside what was measured.
 */
package org.regionwise.experiments.paper;
