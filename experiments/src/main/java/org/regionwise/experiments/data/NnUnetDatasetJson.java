package org.regionwise.experiments.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.regionwise.experiments.io.Json;
import org.regionwise.experiments.io.JsonFormatException;

/**
 * The parts of an nnU-Net raw data set's {@code dataset.json} that training needs.
 *
 * <p>nnU-Net v2 form: {@code "channel_names": {"0": "T2", "1": "ADC"}}, {@code "labels": {"background":
 * 0, "PZ": 1, "TZ": 2}}, {@code "numTraining": 32}, {@code "file_ending": ".nii.gz"}. The v1 form is
 * read too: {@code "modality"} instead of {@code "channel_names"}, labels as id -> name
 * ({@code {"0": "background", "1": "edema"}}), no file_ending (then .nii.gz). Label ids must be exactly
 * 0..C-1; nnU-Net v2's region-based labels (lists of ids) are refused, as this library trains
 * softmax classes only.
 *
 * @param name         the data set's "name", or the folder name
 * @param channelNames one name per channel, channel 0 first
 * @param classNames   one name per class, index = label value
 * @param numTraining  the declared number of training cases
 * @param fileEnding   ".nii.gz" or ".nii"
 */
public record NnUnetDatasetJson(String name, List<String> channelNames, List<String> classNames, int numTraining,
                                String fileEnding) {

    /** Copies the lists. */
    public NnUnetDatasetJson {
        channelNames = List.copyOf(channelNames);
        classNames = List.copyOf(classNames);
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws DatasetFormatException for invalid JSON or a missing, mistyped or inconsistent field
     */
    public static NnUnetDatasetJson read(Path file) throws IOException {
        String source = file.toString();
        Object root;
        try {
            root = Json.read(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (JsonFormatException e) {
            throw new DatasetFormatException(e);
        }
        if (!(root instanceof Map<?, ?> json)) throw new DatasetFormatException(source, "expected a JSON object at the top level");

        Object channels = json.containsKey("channel_names") ? json.get("channel_names") : json.get("modality");
        if (channels == null) throw new DatasetFormatException(source, "missing \"channel_names\" (or nnU-Net v1 \"modality\")");
        List<String> channelNames = indexedNames(channels, "channel_names", source);

        Object labels = json.get("labels");
        if (labels == null) throw new DatasetFormatException(source, "missing \"labels\"");
        List<String> classNames = classNames(labels, source);

        Object n = json.get("numTraining");
        if (!(n instanceof Double d) || d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
            throw new DatasetFormatException(source, "\"numTraining\" must be a positive integer, got " + describe(n));
        }
        Object ending = json.containsKey("file_ending") ? json.get("file_ending") : ".nii.gz";
        if (!".nii.gz".equals(ending) && !".nii".equals(ending)) {
            throw new DatasetFormatException(source, "\"file_ending\" " + describe(ending) + " is not supported: only NIfTI "
                    + "(\".nii.gz\" or \".nii\") can be read");
        }
        Object name = json.get("name");
        Path folder = file.toAbsolutePath().getParent();
        String fallback = folder == null || folder.getFileName() == null ? "dataset" : folder.getFileName().toString();
        return new NnUnetDatasetJson(name instanceof String s ? s : fallback, channelNames, classNames,
                (int) Math.rint(d), (String) ending);
    }

    /** {"0": "T2", "1": "ADC"} -> [T2, ADC]: keys must be exactly 0..n-1. */
    private static List<String> indexedNames(Object value, String field, String source) throws DatasetFormatException {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new DatasetFormatException(source, "\"" + field + "\" must be a non-empty object like {\"0\": \"T1\"}, got "
                    + describe(value));
        }
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Integer index = parseIndex((String) e.getKey());
            if (index == null || !(e.getValue() instanceof String s)) {
                throw new DatasetFormatException(source, "\"" + field + "\" entry \"" + e.getKey() + "\": " + describe(e.getValue())
                        + " is not an index with a name");
            }
            if (byIndex.put(index, s) != null) throw new DatasetFormatException(source, "\"" + field + "\" repeats index " + index);
        }
        checkConsecutive(byIndex.keySet(), field, source);
        return new ArrayList<>(byIndex.values());
    }

    /** v2 {"background": 0, "tumour": 1} or v1 {"0": "background", "1": "tumour"} -> names by id. */
    private static List<String> classNames(Object value, String source) throws DatasetFormatException {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new DatasetFormatException(source, "\"labels\" must be a non-empty object like {\"background\": 0, \"tumour\": 1}, got "
                    + describe(value));
        }
        boolean v1 = map.values().stream().allMatch(v -> v instanceof String);
        if (v1) return indexedNames(value, "labels", source);
        TreeMap<Integer, String> byId = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object id = e.getValue();
            if (id instanceof List<?>) {
                throw new DatasetFormatException(source, "label \"" + e.getKey() + "\" is a region (a list of ids): region-based "
                        + "training is not supported, only one id per class");
            }
            if (!(id instanceof Double d) || d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new DatasetFormatException(source, "label \"" + e.getKey() + "\" must have an integer id >= 0, got " + describe(id));
            }
            String previous = byId.put((int) Math.rint(d), (String) e.getKey());
            if (previous != null) {
                throw new DatasetFormatException(source, "labels \"" + previous + "\" and \"" + e.getKey() + "\" share id " + (int) Math.rint(d));
            }
        }
        checkConsecutive(byId.keySet(), "labels", source);
        return new ArrayList<>(byId.values());
    }

    private static void checkConsecutive(java.util.Set<Integer> ids, String field, String source) throws DatasetFormatException {
        int expected = 0;
        for (int id : ids) {
            if (id != expected) {
                throw new DatasetFormatException(source, "\"" + field + "\" ids must be 0.." + (ids.size() - 1) + " without gaps; "
                        + expected + " is missing");
            }
            expected++;
        }
    }

    private static Integer parseIndex(String key) {
        if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(Character::isDigit)) return null;
        return Integer.valueOf(key);
    }

    private static String describe(Object value) {
        if (value == null) return "null (or absent)";
        if (value instanceof String s) return "\"" + s + "\"";
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
        return value.toString();
    }
}
