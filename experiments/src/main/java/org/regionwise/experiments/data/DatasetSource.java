package org.regionwise.experiments.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.regionwise.autodiff.text.OneLine;

/**
 * Where a data set came from, and whether it is the generated phantom rather than real images.
 *
 * @param name    a short description, e.g. "Colin27 T1 + AAL atlas (mricron-data)"
 * @param kind    which loader made it
 * @param files   the files or folder read (empty for the phantom)
 * @param warning a line to show the user before anything else, or "" (the phantom always has one)
 */
public record DatasetSource(String name, Kind kind, List<Path> files, String warning) {
    /** The loaders. */
    public enum Kind {
        /** Debian's mricron-data templates: Colin27 T1 with the AAL atlas. */
        MRICRON_AAL,
        /** The generated stand-in for the templates. */
        PHANTOM,
        /** A folder in nnU-Net's raw layout. */
        NNUNET_RAW
    }

    /** Copies the file list. */
    public DatasetSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        files = List.copyOf(files);
        warning = OneLine.visible(Objects.requireNonNull(warning, "warning")); // one line, though it may name a path
    }

    /** Whether the images are generated, not real: results on them say nothing about real data. */
    public boolean isPhantom() {
        return kind == Kind.PHANTOM;
    }

    /** Whether there is a warning line to show. */
    public boolean hasWarning() {
        return !warning.isEmpty();
    }
}
