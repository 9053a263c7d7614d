package org.regionwise.experiments.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The 116 regions of the AAL atlas grouped into four classes, a strongly imbalanced segmentation task
 * (about 79% / 17% / 1% / 3% of the Colin27 grid).
 *
 * <p>Coding: the voxel values of mricron's {@code aal.nii.gz} are region indices 1..116 (0 outside),
 * the first column of {@code aal.nii.txt}; its third column (2001, 2002, ...) is the AAL code, which
 * does not occur in the volume. The grouping, by name:
 * <ul>
 *   <li>0 background: everything unlabelled (white matter, CSF, skull, air);</li>
 *   <li>2 deep grey matter: Hippocampus (37, 38), Amygdala (41, 42), Caudate (71, 72), Putamen (73, 74),
 *       Pallidum (75, 76), Thalamus (77, 78), left and right;</li>
 *   <li>1 cortex: the other cerebral regions 1..90 (ParaHippocampal, 39-40, is cortex);</li>
 *   <li>3 cerebellum: 91..116, the cerebellar hemispheres (AAL spells them "Cerebelum_") and the vermis.</li>
 * </ul>
 */
public final class AalGrouping {
    /** Class 0. */
    public static final int BACKGROUND = 0;
    /** Class 1. */
    public static final int CORTEX = 1;
    /** Class 2. */
    public static final int DEEP_GREY = 2;
    /** Class 3. */
    public static final int CEREBELLUM = 3;
    /** The class names, index = class id. */
    public static final List<String> CLASS_NAMES = List.of("background", "cortex", "deep grey matter", "cerebellum");
    /** Number of AAL regions. */
    public static final int REGIONS = 116;

    private static final Set<Integer> DEEP_GREY_REGIONS = Set.of(37, 38, 41, 42, 71, 72, 73, 74, 75, 76, 77, 78);
    private static final List<String> DEEP_GREY_NAMES = List.of("Hippocampus", "Amygdala", "Caudate", "Putamen", "Pallidum", "Thalamus");

    private AalGrouping() {}

    /**
     * The class of AAL region {@code region} (0 = unlabelled).
     *
     * @throws IllegalArgumentException outside 0..116
     */
    public static int classOf(int region) {
        if (region < 0 || region > REGIONS) throw new IllegalArgumentException("AAL regions are 1.." + REGIONS + ", got " + region);
        if (region == 0) return BACKGROUND;
        if (region > 90) return CEREBELLUM;
        return DEEP_GREY_REGIONS.contains(region) ? DEEP_GREY : CORTEX;
    }

    /** The class of an AAL region by its name in aal.nii.txt, e.g. "Putamen_L" -> 2: the grouping's definition. */
    public static int classOfName(String name) {
        if (name.startsWith("Cerebelum_") || name.startsWith("Vermis_")) return CEREBELLUM;
        String base = name.endsWith("_L") || name.endsWith("_R") ? name.substring(0, name.length() - 2) : name;
        return DEEP_GREY_NAMES.contains(base) ? DEEP_GREY : CORTEX;
    }

    /**
     * Groups an AAL label volume into the four classes.
     *
     * @param source names the volume in errors
     * @throws DatasetFormatException naming the first voxel outside 0..116 (e.g. an atlas coded 2001..)
     */
    public static int[] group(int[] regions, String source) throws DatasetFormatException {
        int[] lut = new int[REGIONS + 1];
        for (int r = 0; r <= REGIONS; r++) lut[r] = classOf(r);
        int[] classes = new int[regions.length];
        for (int i = 0; i < regions.length; i++) {
            int r = regions[i];
            if (r < 0 || r > REGIONS) {
                throw new DatasetFormatException(source, "voxel " + i + " holds " + r + "; expected AAL region indices 0.."
                        + REGIONS + " (not the 2001.. codes)");
            }
            classes[i] = lut[r];
        }
        return classes;
    }

    /**
     * Checks an {@code aal.nii.txt} ("index name code" per line) against the grouping: every index
     * 1..116 present once, and the class by number equal to the class by name. A different atlas version
     * under the same file name fails here instead of training on a wrong grouping.
     *
     * @throws DatasetFormatException naming the line that disagrees
     */
    public static void checkNames(Path txt) throws IOException {
        boolean[] seen = new boolean[REGIONS + 1];
        List<String> lines = Files.readAllLines(txt, StandardCharsets.ISO_8859_1);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("\\s+");
            int region;
            try {
                region = Integer.parseInt(parts[0]);
            } catch (NumberFormatException e) {
                throw new DatasetFormatException(txt.toString(), "line " + (n + 1) + " does not start with a region index: " + line);
            }
            if (parts.length < 2 || region < 1 || region > REGIONS || seen[region]) {
                throw new DatasetFormatException(txt.toString(), "line " + (n + 1) + " is not a new AAL region 1.." + REGIONS + " with a name: " + line);
            }
            seen[region] = true;
            if (classOfName(parts[1]) != classOf(region)) {
                throw new DatasetFormatException(txt.toString(), "region " + region + " is named " + parts[1] + ", which groups as "
                        + CLASS_NAMES.get(classOfName(parts[1])) + " but index " + region + " as " + CLASS_NAMES.get(classOf(region))
                        + ": not the AAL atlas this grouping was written for");
            }
        }
        for (int r = 1; r <= REGIONS; r++) {
            if (!seen[r]) throw new DatasetFormatException(txt.toString(), "region " + r + " is missing");
        }
    }
}
