/**
 * {@code regionwise demo}: a short training run sized to a time budget ({@link org.regionwise.experiments.demo.DemoPlan}),
 * its progress lines, and the report it leaves behind ({@link org.regionwise.experiments.demo.Demo}).
 */
package org.regionwise.experiments.demo;
