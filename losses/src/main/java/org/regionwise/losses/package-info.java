/**
 * Every loss of SPEC.md section 4 over logits {@code (B, C, H, W)} and a {@link org.regionwise.losses.Target}
 * (labels, class count, spacing, and the Region-wise maps computed from them through one map cache).
 *
 * <ul>
 *   <li>{@link org.regionwise.losses.Loss}: {@code forward(logits, target)} gives a scalar tensor; {@code setEpoch}
 *       drives schedules.</li>
 *   <li>Region-wise: {@link org.regionwise.losses.RwLoss} (fused op, any {@link org.regionwise.losses.MapSource},
 *       optionally of the squared softmax) and its closed-form gradient {@link org.regionwise.losses.RwGradient}.</li>
 *   <li>Pixel-wise: cross entropy, RRW-weighted cross entropy, focal.</li>
 *   <li>Overlap: Dice and variants, generalised Dice, Jaccard, Tversky, Lovasz-softmax.</li>
 *   <li>Distance and contour: boundary (Kervadec, and Cao's map), active contour (Chen), one-sided HD (Karimi).</li>
 *   <li>{@link org.regionwise.losses.CombinedLoss} with a {@link org.regionwise.losses.Schedule} (equal, gradual,
 *       Kervadec's), {@link org.regionwise.losses.DeepSupervisionLoss}, and the names users type in
 *       {@link org.regionwise.losses.LossRegistry}.</li>
 * </ul>
 *
 * <p>NaN policy: no loss ever returns or back-propagates NaN or Infinity, for any finite logits (tested at
 * +-1e4, where softmax is exactly 0 and 1), all-background images, classes absent from an image and classes
 * filling it. Softmax and log-softmax subtract the maximum logit; logs come from log-softmax, never from
 * {@code log(s)}; every ratio has a denominator bounded away from 0 (its smoothing constant, or a present
 * class's term for generalised Dice). What each loss then scores in the degenerate cases is stated in its
 * javadoc (e.g. the reference Dice scores an absent class 0, so it floors the loss).
 */
package org.regionwise.losses;
