package org.regionwise.studies.spark;

import java.io.Serializable;

/**
 * What the driver ships to an executor for one trial: the spec as its JSON text (the same bytes its id hashes) and the
 * trial's folder, an absolute path on storage the worker sees.
 */
record TrialJob(String specJson, String folder) implements Serializable {}
