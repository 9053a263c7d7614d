package org.regionwise.maps;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Region-wise maps of SPEC.md section 2. Each is a function of the label image only (never of
 * the network), computed per image by {@link RegionMaps}.
 */
public enum MapKind {
    /** Rectified RW map (Eq. 4): true class {@code -d / max d} in {@code [-1, 0)}, other classes 1. */
    RRW("rrw"),
    /** RRW with the other-class components of a class-{@code c} voxel set to {@code w_c}. */
    RRW_WEIGHTED("rrw-weighted"),
    /** RW-Boundary, the RW reference code's convention {@code edt(~S)*~S - edt(S)*S}. */
    BOUNDARY("boundary"),
    /** RW-Boundary, Kervadec's convention {@code edt(~S)*~S - (edt(S)-1)*S} (rim 0 at unit spacing). */
    BOUNDARY_KERVADEC("boundary-kervadec"),
    /** Active-contour map without the length term: {@code 1 - y}. */
    AC("ac"),
    /** Cao et al.'s map: {@code 1 - 2y}. */
    CAO("cao"),
    /** Karimi's one-sided Hausdorff map: {@code (edt(S) + edt(~S))^alpha} per class. */
    HD("hd");

    private final String cliName;

    MapKind(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case name used on the command line and in configuration files. */
    public String cliName() {
        return cliName;
    }

    /** True for the maps that are rectified by construction, for any label image. */
    public boolean isRectified() {
        return this == RRW || this == RRW_WEIGHTED || this == AC || this == CAO;
    }

    /**
     * Parses a command-line name: {@code rrw | rrw-weighted | boundary | boundary-kervadec | ac | cao
     * | hd}. Case and surrounding blanks are ignored, and {@code _} is accepted for {@code -}.
     *
     * @throws IllegalArgumentException naming the valid names when {@code name} is none of them
     */
    public static MapKind parse(String name) {
        if (name != null) {
            String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (MapKind kind : values()) {
                if (kind.cliName.equals(wanted)) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("unknown map kind '" + name + "'; valid names: " + validNames());
    }

    /** The valid names, separated by {@code |}. */
    public static String validNames() {
        return Arrays.stream(values()).map(MapKind::cliName).collect(Collectors.joining("|"));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
