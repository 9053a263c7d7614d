package org.regionwise.maps;

/**
 * Which neighbours a voxel has: those at offsets in {-1, 0, 1} per axis with at most
 * {@link #maxChangedAxes()} non-zero entries ({@code scipy.ndimage.generate_binary_structure(rank,
 * maxChangedAxes)}).
 */
public enum Connectivity {
    /** 2D, the 4 edge neighbours. */
    FOUR(2, 1),
    /** 2D, the 8 edge and corner neighbours. */
    EIGHT(2, 2),
    /** 3D, the 6 face neighbours. */
    SIX(3, 1),
    /** 3D, the 18 face and edge neighbours. */
    EIGHTEEN(3, 2),
    /** 3D, the 26 face, edge and corner neighbours. */
    TWENTY_SIX(3, 3);

    private final int rank;
    private final int maxChangedAxes;

    Connectivity(int rank, int maxChangedAxes) {
        this.rank = rank;
        this.maxChangedAxes = maxChangedAxes;
    }

    /** 2 or 3: the grids this connectivity applies to. */
    public int rank() {
        return rank;
    }

    /** How many coordinates a neighbour may differ in (each by one). */
    public int maxChangedAxes() {
        return maxChangedAxes;
    }

    /** Number of neighbours: 4, 8, 6, 18 or 26. */
    public int neighbours() {
        return switch (this) {
            case FOUR -> 4;
            case EIGHT -> 8;
            case SIX -> 6;
            case EIGHTEEN -> 18;
            case TWENTY_SIX -> 26;
        };
    }

    /** The connectivity with this many neighbours (4, 8, 6, 18 or 26). */
    public static Connectivity of(int neighbours) {
        for (Connectivity c : values()) {
            if (c.neighbours() == neighbours) {
                return c;
            }
        }
        throw new IllegalArgumentException("no connectivity with " + neighbours + " neighbours; valid: 4, 8 (2D), 6, 18, 26 (3D)");
    }

    /** The face connectivity of a rank: 4 in 2D, 6 in 3D. */
    public static Connectivity faces(int rank) {
        return rank == 2 ? FOUR : SIX;
    }

    /** The full connectivity of a rank: 8 in 2D, 26 in 3D. */
    public static Connectivity full(int rank) {
        return rank == 2 ? EIGHT : TWENTY_SIX;
    }
}
