package org.regionwise.experiments.cli;

import java.util.Locale;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.io.NiftiHeader;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --spacing} argument: {@code header} (the file's voxel size) or three positive numbers
 * {@code SX,SY,SZ} in the file's axis order (x first, as pixdim lists them).
 *
 * @param xyz the explicit voxel size (x, y, z), or {@code null} for the header's
 */
record SpacingChoice(double[] xyz) {

    /** The header's voxel size. */
    static SpacingChoice header() {
        return new SpacingChoice(null);
    }

    /**
     * Voxel size (x, y, z) for a volume with this header. A 2D image has no z spacing worth trusting:
     * it gets 1.
     *
     * @throws IllegalArgumentException when the header's spacing is not a usable distance
     */
    double[] resolve(NiftiHeader header, String file) {
        if (xyz != null) return xyz.clone();
        double[] s = {1, 1, 1};
        double[] stored = header.spacing();
        for (int axis = 0; axis < Math.min(3, stored.length); axis++) {
            if (!(stored[axis] > 0) || Double.isInfinite(stored[axis])) {
                throw new IllegalArgumentException(file + ": the header's voxel size (pixdim) along axis " + axis
                        + " is " + stored[axis] + "; pass --spacing SX,SY,SZ (e.g. 1,1,1)");
            }
            s[axis] = stored[axis];
        }
        return s;
    }

    @Override
    public String toString() {
        return xyz == null ? "header" : xyz[0] + "," + xyz[1] + "," + xyz[2];
    }

    /** picocli's parser for the option. */
    static final class Converter implements ITypeConverter<SpacingChoice> {
        @Override
        public SpacingChoice convert(String value) {
            if (value.trim().toLowerCase(Locale.ROOT).equals("header")) return header();
            String[] parts = value.split(",");
            if (parts.length != 3) {
                throw new TypeConversionException("'" + OneLine.visible(value) + "' is neither 'header' nor three numbers SX,SY,SZ");
            }
            double[] xyz = new double[3];
            for (int i = 0; i < 3; i++) {
                try {
                    xyz[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + OneLine.visible(parts[i]) + "' in '" + OneLine.visible(value) + "' is not a number");
                }
                if (!(xyz[i] > 0) || Double.isInfinite(xyz[i])) {
                    throw new TypeConversionException("voxel sizes must be positive and finite: '" + OneLine.visible(value) + "'");
                }
            }
            return new SpacingChoice(xyz);
        }
    }
}
