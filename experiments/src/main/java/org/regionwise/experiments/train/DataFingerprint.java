package org.regionwise.experiments.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.DatasetSource;

/**
 * What a checkpoint was trained on, so that {@code train --resume} can tell when the data changed under
 * it (a replaced image, an edited label) instead of continuing as if nothing happened: every file's
 * name relative to the data set and its size, the SHA-256 of each label file and {@code dataset.json}
 * whole, and of each image file's first {@value #IMAGE_HEAD_BYTES} bytes (images are large; the head of
 * a gzip stream differs as soon as the content does, and a size that stays equal is rare otherwise).
 *
 * @param kind  the loader ({@link DatasetSource.Kind} name)
 * @param files relative name to size and hash, sorted by name
 */
public record DataFingerprint(String kind, Map<String, FileEntry> files) {
    /** How much of an image file is hashed. */
    static final int IMAGE_HEAD_BYTES = 1 << 16;

    /**
     * One file.
     *
     * @param size   bytes
     * @param sha256 hex SHA-256 of the content (labels, dataset.json, templates) or of its head (images)
     */
    public record FileEntry(long size, String sha256) {
        public FileEntry {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** Sorts and copies the map. */
    public DataFingerprint {
        Objects.requireNonNull(kind, "kind");
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The fingerprint of the data set {@code source} was read from. */
    public static DataFingerprint of(DatasetSource source) throws IOException {
        Map<String, FileEntry> files = new TreeMap<>();
        switch (source.kind()) {
            case NNUNET_RAW -> {
                Path folder = source.files().get(0);
                files.put("dataset.json", entry(folder.resolve("dataset.json"), Long.MAX_VALUE));
                addFolder(files, folder, "labelsTr", Long.MAX_VALUE);
                addFolder(files, folder, "imagesTr", IMAGE_HEAD_BYTES);
            }
            case MRICRON_AAL -> {
                for (Path file : source.files()) files.put(file.getFileName().toString(), entry(file, Long.MAX_VALUE));
            }
            case PHANTOM -> { } // generated from a fixed seed: nothing on disk can change it
        }
        return new DataFingerprint(source.kind().name(), files);
    }

    /**
     * What changed from {@code this} (the checkpoint's) to {@code now}, one phrase per file, at most
     * {@code limit} of them and a count of the rest; empty when nothing did.
     */
    public List<String> changesTo(DataFingerprint now, int limit) {
        List<String> changes = new ArrayList<>();
        if (!kind.equals(now.kind)) changes.add("the data set kind changed from " + kind + " to " + now.kind);
        for (Map.Entry<String, FileEntry> e : files.entrySet()) {
            FileEntry after = now.files.get(e.getKey());
            if (after == null) {
                changes.add(e.getKey() + " was removed");
            } else if (after.size() != e.getValue().size()) {
                changes.add(e.getKey() + " changed size (" + e.getValue().size() + " -> " + after.size() + " bytes)");
            } else if (!after.sha256().equals(e.getValue().sha256())) {
                changes.add(e.getKey() + " changed content");
            }
        }
        for (String name : now.files.keySet()) {
            if (!files.containsKey(name)) changes.add(name + " was added");
        }
        if (changes.size() > limit) {
            int rest = changes.size() - limit;
            changes = new ArrayList<>(changes.subList(0, limit));
            changes.add("and " + rest + " more");
        }
        return changes;
    }

    /** The JSON tree stored in a checkpoint's trainer.json. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("kind", kind);
        root.put("hashes", "sha256 of labels and dataset.json whole, of images' first " + IMAGE_HEAD_BYTES + " bytes");
        List<Object> list = new ArrayList<>();
        files.forEach((name, f) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("size", Long.toString(f.size())); // a string: JSON readers may hold numbers as doubles
            m.put("sha256", f.sha256());
            list.add(m);
        });
        root.put("files", list);
        return root;
    }

    /**
     * Reads {@link #toJson}'s tree (maps, lists and strings as a JSON parser returns them).
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static DataFingerprint fromJson(Object json) {
        if (!(json instanceof Map<?, ?> root)) throw new IllegalArgumentException("data_fingerprint is not an object");
        if (!(root.get("kind") instanceof String kind)) throw new IllegalArgumentException("data_fingerprint.kind is missing");
        if (!(root.get("files") instanceof List<?> list)) throw new IllegalArgumentException("data_fingerprint.files is missing");
        Map<String, FileEntry> files = new TreeMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("name") instanceof String name) || !(m.get("sha256") instanceof String sha)
                    || !(m.get("size") instanceof String size)) {
                throw new IllegalArgumentException("data_fingerprint.files holds an entry without name, size and sha256");
            }
            try {
                files.put(name, new FileEntry(Long.parseLong(size), sha));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("data_fingerprint.files: size of " + OneLine.visible(name) + " is not a whole number: " + OneLine.visible(size));
            }
        }
        return new DataFingerprint(kind, files);
    }

    private static void addFolder(Map<String, FileEntry> files, Path folder, String sub, long hashedBytes) throws IOException {
        Path dir = folder.resolve(sub);
        if (!Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(file)) continue;
                files.put(sub + "/" + name, entry(file, hashedBytes));
            }
        }
    }

    private static FileEntry entry(Path file, long hashedBytes) throws IOException {
        MessageDigest sha = sha256();
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long left = hashedBytes;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; left -= n) {
                sha.update(buffer, 0, n);
            }
        }
        return new FileEntry(size, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e); // every Java platform must have it
        }
    }

    /** For messages: the number of files. */
    @Override
    public String toString() {
        return kind + " data, " + files.size() + " file(s)";
    }

}
