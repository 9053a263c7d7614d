package org.regionwise.experiments.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.regionwise.experiments.io.AtomicFile;
import org.regionwise.experiments.io.Json;
import org.regionwise.experiments.io.JsonFormatException;

/**
 * nnU-Net's cross-validation folds, {@code splits_final.json}: a JSON list with one object per fold,
 * {@code {"train": [case ids], "val": [case ids]}}. As nnU-Net does, the file is created once for a data set
 * (five folds over the sorted case ids, shuffled with a fixed seed, each case in exactly one validation fold)
 * and reused by every later run, so folds stay fixed however often training is started. A file written by
 * nnU-Net itself can be put in the data folder and is used as it is; the folds this class draws are not
 * the ones nnU-Net would draw (it shuffles with scikit-learn's generator), only their format is.
 */
public final class NnUnetSplits {
    /** The file name nnU-Net uses. */
    public static final String FILE = "splits_final.json";
    /** nnU-Net's fold count. */
    public static final int FOLDS = 5;
    /** nnU-Net's seed for the shuffle (its KFold random_state). */
    static final long SEED = 12345;

    /** One fold: its training and validation case ids, each sorted. */
    public record Fold(List<String> train, List<String> val) {
        public Fold {
            train = List.copyOf(train);
            val = List.copyOf(val);
        }
    }

    /** The fold a run uses, and a sentence on where it came from. */
    public record Chosen(Fold fold, String origin) {}

    private NnUnetSplits() {}

    /** Five folds over {@code cases}: shuffled with {@link #SEED}, cut into five near-equal validation sets. */
    public static List<Fold> make(List<String> cases) {
        List<String> shuffled = new ArrayList<>(cases);
        Collections.sort(shuffled);
        Collections.shuffle(shuffled, new Random(SEED));
        int n = shuffled.size();
        List<Fold> folds = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < FOLDS; k++) {
            int size = n / FOLDS + (k < n % FOLDS ? 1 : 0);
            List<String> val = new ArrayList<>(shuffled.subList(start, start + size));
            List<String> train = new ArrayList<>(shuffled.subList(0, start));
            train.addAll(shuffled.subList(start + size, n));
            Collections.sort(val);
            Collections.sort(train);
            folds.add(new Fold(train, val));
            start += size;
        }
        return folds;
    }

    /** The folds as nnU-Net writes them. */
    public static String toJson(List<Fold> folds) {
        List<Object> out = new ArrayList<>();
        for (Fold f : folds) {
            Map<String, Object> fold = new java.util.LinkedHashMap<>();
            fold.put("train", f.train());
            fold.put("val", f.val());
            out.add(fold);
        }
        return Json.write(out);
    }

    /**
     * Reads a {@code splits_final.json}.
     *
     * @throws DatasetFormatException naming the file for anything but a list of {train, val} objects of strings
     */
    public static List<Fold> read(Path file) throws IOException {
        String where = file.toString();
        Object root;
        try {
            root = Json.read(Files.readString(file, StandardCharsets.UTF_8), where);
        } catch (JsonFormatException e) {
            throw new DatasetFormatException(e);
        }
        if (!(root instanceof List<?> list) || list.isEmpty()) {
            throw new DatasetFormatException(where, "expected a non-empty list of folds {\"train\": [...], \"val\": [...]}");
        }
        List<Fold> folds = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            if (!(list.get(k) instanceof Map<?, ?> fold)) throw new DatasetFormatException(where, "fold " + k + " is not an object");
            folds.add(new Fold(ids(fold.get("train"), where, k, "train"), ids(fold.get("val"), where, k, "val")));
        }
        return folds;
    }

    private static List<String> ids(Object value, String where, int fold, String key) throws DatasetFormatException {
        if (!(value instanceof List<?> list)) throw new DatasetFormatException(where, "fold " + fold + " has no \"" + key + "\" list");
        List<String> out = new ArrayList<>();
        for (Object id : list) {
            if (!(id instanceof String s)) throw new DatasetFormatException(where, "fold " + fold + " \"" + key + "\" holds " + id + ", not a case id");
            out.add(s);
        }
        return out;
    }

    /**
     * Fold {@code fold} of {@code folder}'s {@code splits_final.json}, creating the file from {@code cases}
     * first when it does not exist (atomically; nothing is left behind if that fails).
     *
     * @throws DatasetFormatException when the fold does not exist, or names a case the folder lacks, or puts a
     *                                case in both lists
     */
    public static Chosen choose(Path folder, List<String> cases, int fold) throws IOException {
        Path file = folder.resolve(FILE);
        String origin;
        List<Fold> folds;
        if (Files.exists(file)) {
            folds = read(file);
            origin = "fold " + fold + " of " + folds.size() + " from " + file;
        } else {
            folds = make(cases);
            String json = toJson(folds);
            AtomicFile.writeString(file, json.endsWith("\n") ? json : json + "\n");
            origin = "fold " + fold + " of " + FOLDS + ", wrote " + file + " (reused by every later run, as nnU-Net does)";
        }
        if (fold < 0 || fold >= folds.size()) {
            throw new DatasetFormatException(file.toString(), "has " + folds.size() + " folds (0.." + (folds.size() - 1)
                    + "); there is no fold " + fold);
        }
        Fold chosen = folds.get(fold);
        Set<String> known = new HashSet<>(cases);
        Set<String> seen = new HashSet<>();
        for (List<String> ids : List.of(chosen.train(), chosen.val())) {
            for (String id : ids) {
                if (!known.contains(id)) {
                    throw new DatasetFormatException(file.toString(), "fold " + fold + " names case '" + id + "', which "
                            + folder.resolve("labelsTr") + " does not hold");
                }
                if (!seen.add(id)) throw new DatasetFormatException(file.toString(), "fold " + fold + " lists case '" + id + "' twice");
            }
        }
        return new Chosen(chosen, origin);
    }
}
