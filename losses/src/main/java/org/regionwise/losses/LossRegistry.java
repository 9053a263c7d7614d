package org.regionwise.losses;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.maps.MapKind;

/**
 * The loss names users type ({@code --loss rrw}), one per loss, each with a one-line description.
 * {@link #create} builds a fresh instance per call (combinations hold their epoch).
 */
public final class LossRegistry {

    /** One registered loss: its name, what it is, and how to build it. */
    public record Entry(String name, String description, Function<String, Loss> factory) {
        public Loss create() {
            return factory.apply(name);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        // Region-wise losses, one per map.
        add("rrw", "RW loss with the rectified RW map (the paper's proposal, Eq. 4)",
                n -> new RwLoss(n, MapSource.of(MapKind.RRW), false));
        add("rw-boundary", "RW loss with the RW-Boundary map, reference-code convention (not rectified for C > 2)",
                n -> new RwLoss(n, MapSource.of(MapKind.BOUNDARY), false));
        add("rw-boundary-kervadec", "RW loss with the RW-Boundary map, Kervadec's convention (rim 0)",
                n -> new RwLoss(n, MapSource.of(MapKind.BOUNDARY_KERVADEC), false));
        add("rw-boundary-rectified", "RW loss with the RW-Boundary map rectified per pixel (rectify(z, y))",
                n -> new RwLoss(n, MapSource.rectified(MapSource.of(MapKind.BOUNDARY)), false));
        add("rw-ac", "RW loss with the active-contour map 1 - y",
                n -> new RwLoss(n, MapSource.of(MapKind.AC), false));
        add("rw-cao", "RW loss with Cao et al.'s map 1 - 2y",
                n -> new RwLoss(n, MapSource.of(MapKind.CAO), false));
        add("rw-hd", "RW loss of the squared softmax with the map (1 - y) d^2 (the one-sided HD loss as RW)",
                n -> new RwLoss(n, MapSource.trueClassZeroed(MapSource.hd(2.0)), true));
        // Pixel-wise losses.
        add("ce", "cross entropy, from log-softmax", n -> new CrossEntropyLoss());
        add("wce-rrw", "cross entropy weighted per pixel by |z_true| of the RRW map",
                n -> new WeightedCrossEntropyLoss(n, MapSource.of(MapKind.RRW)));
        add("focal", "focal loss, gamma 2, no alpha", n -> new FocalLoss(2f));
        // Overlap losses.
        add("dice", "soft Dice, the paper's reference: per image, background in, 1e-6 in the denominator",
                n -> new DiceLoss(n, DiceLoss.Options.reference()));
        add("dice-squared", "soft Dice with squared denominators (V-Net)", n -> new DiceLoss(n, DiceLoss.Options.squared()));
        add("dice-smooth", "soft Dice smoothed by 1e-5 in numerator and denominator (MONAI)",
                n -> new DiceLoss(n, DiceLoss.Options.smoothed()));
        add("dice-batch", "soft Dice with sums over the whole batch per class (nnU-Net batch Dice)",
                n -> new DiceLoss(n, DiceLoss.Options.batch()));
        add("dice-nobg", "soft Dice over the foreground classes only", n -> new DiceLoss(n, DiceLoss.Options.noBackground()));
        add("gdice", "generalised Dice, w_k = 1 / (sum y_k)^2, absent classes get the largest present weight",
                n -> new GeneralizedDiceLoss());
        add("jaccard", "soft Jaccard (IoU), smooth 1e-5", n -> new JaccardLoss());
        add("tversky", "Tversky loss, alpha 0.3 (false positives), beta 0.7 (false negatives)", n -> new TverskyLoss(0.3f, 0.7f));
        add("lovasz", "Lovasz-softmax, per image, classes present in the labels", n -> new LovaszSoftmaxLoss());
        add("dice-ce", "Dice + cross entropy, equal weights", n -> new CombinedLoss(n, new DiceLoss(), new CrossEntropyLoss(),
                Schedule.equal()));
        // Distance-based losses.
        add("boundary-term", "Kervadec's boundary term alone: mean over foreground classes of s * phi (rim-0 convention)",
                n -> new BoundaryLoss(n, MapKind.BOUNDARY_KERVADEC, false));
        add("boundary", "the paper's Boundary loss: a Dice + (1 - a) RW-Boundary, a = max((100 - e)/100, 0.01);"
                        + " same loss as gradual-dice-rw-boundary",
                n -> new CombinedLoss(n, new DiceLoss(), new RwLoss("rw-boundary", MapSource.of(MapKind.BOUNDARY), false),
                        Schedule.gradual()));
        add("boundary-kervadec", "Kervadec's published setting: generalised Dice + boundary term, weights [1, 0.01],"
                        + " 0.01 moved per epoch (Dice >= 0.1)",
                n -> new CombinedLoss(n, new GeneralizedDiceLoss(), BoundaryLoss.kervadec(), Schedule.kervadec()));
        add("ac", "active-contour loss (Chen et al.), region terms only", n -> new ActiveContourLoss(1f, 0f));
        add("ac-length", "active-contour loss (Chen et al.), region terms + length term, both weight 1",
                n -> new ActiveContourLoss(1f, 1f));
        add("hd", "one-sided Hausdorff loss (Karimi et al.): mean (s - y)^2 d^2 over foreground classes",
                n -> new HausdorffLoss(2.0));
        add("cao", "Cao et al.'s loss: mean over foreground classes of s * (1 - 2y)", n -> BoundaryLoss.cao());
        // Combinations of SPEC.md 4.4 (the paper's Sec. 4.4).
        for (String regional : List.of("ce", "dice")) {
            for (String rw : List.of("rrw", "rw-boundary")) {
                for (String strategy : List.of("equal", "gradual")) {
                    String name = strategy + "-" + regional + "-" + rw;
                    String formula = strategy.equals("equal") ? "L_" + regional + " + L_" + rw
                            : "a L_" + regional + " + (1 - a) L_" + rw + ", a = max((100 - e)/100, 0.01)";
                    add(name, strategy + " combination " + formula, n -> new CombinedLoss(n, create(regional), create(rw),
                            strategy.equals("equal") ? Schedule.equal() : Schedule.gradual()));
                }
            }
        }
    }

    private LossRegistry() {}

    private static void add(String name, String description, Function<String, Loss> factory) {
        if (ENTRIES.put(name, new Entry(name, description, factory)) != null) {
            throw new IllegalStateException("loss name registered twice: " + name);
        }
    }

    /**
     * A new loss by name (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Loss create(String name) {
        Entry entry = name == null ? null : ENTRIES.get(name.trim().toLowerCase(Locale.ROOT));
        if (entry == null) {
            String close = name == null ? null : closest(name.trim().toLowerCase(Locale.ROOT));
            throw new IllegalArgumentException("unknown loss '" + OneLine.visible(name) + "'" + (close != null ? " (did you mean '" + close + "'?)" : "")
                    + "; valid names: " + String.join(", ", names()));
        }
        return entry.create();
    }

    /**
     * The registered name nearest to {@code typed} by edit distance, when it is close enough to be a typo (at
     * most 2 edits, or a third of the name), else null.
     */
    static String closest(String typed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : ENTRIES.keySet()) {
            int d = editDistance(typed, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, typed.length() / 3) ? best : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions, one each. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** Every registered name, in listing order. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(ENTRIES.keySet()));
    }

    /** Every entry, in listing order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The listing for {@code regionwise losses}: one line per loss, name padded, then its description. */
    public static String describe() {
        int width = 0;
        for (String n : ENTRIES.keySet()) width = Math.max(width, n.length());
        StringBuilder sb = new StringBuilder();
        for (Entry e : ENTRIES.values()) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", e.name(), e.description()));
        }
        return sb.toString();
    }
}
