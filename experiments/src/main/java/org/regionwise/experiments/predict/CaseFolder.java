package org.regionwise.experiments.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.regionwise.autodiff.text.OneLine;

/**
 * A folder of images in nnU-Net v2's prediction layout ({@code nnUNetv2_predict -i}): one file per case
 * and channel, {@code CASE_0000.nii.gz}, {@code CASE_0001.nii.gz}, ... (or {@code .nii}). Other files are
 * ignored. Every case must have exactly the model's channels, numbered from 0 without gaps.
 */
public final class CaseFolder {
    private static final Pattern CHANNEL_FILE = Pattern.compile("(.+)_(\\d{4})(\\.nii\\.gz|\\.nii)");

    private CaseFolder() {}

    /**
     * One case: its id, file ending and channel files in channel order.
     *
     * @param id     the case id (the file name before {@code _0000})
     * @param ending {@code .nii.gz} or {@code .nii}
     * @param files  channel 0, 1, ... files
     */
    public record Case(String id, String ending, List<Path> files) {}

    /**
     * The cases of {@code folder}, sorted by id.
     *
     * @param channels the model's channel count
     * @throws NoSuchFileException      when the folder does not exist
     * @throws IllegalArgumentException when it holds no case, or a case whose channels differ from the model's
     */
    public static List<Case> list(Path folder, int channels, List<String> channelNames) throws IOException {
        if (!Files.isDirectory(folder)) throw new NoSuchFileException(folder.toString(), null, "not a folder");
        Map<String, TreeMap<Integer, Path>> byCase = new TreeMap<>();
        Map<String, String> endings = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                Matcher m = CHANNEL_FILE.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p)) continue;
                byCase.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), p);
                String previous = endings.putIfAbsent(m.group(1), m.group(3));
                if (previous != null && !previous.equals(m.group(3))) {
                    throw new IllegalArgumentException(OneLine.visible(folder + ": case " + m.group(1) + " mixes " + previous + " and " + m.group(3) + " files"));
                }
            }
        }
        if (byCase.isEmpty()) {
            throw new IllegalArgumentException(OneLine.visible(folder) + ": no image files named CASE_0000.nii.gz (nnU-Net's layout: one file per case"
                    + " and channel)");
        }
        List<Case> out = new ArrayList<>();
        for (var e : byCase.entrySet()) {
            TreeMap<Integer, Path> found = e.getValue();
            boolean complete = found.size() == channels && found.firstKey() == 0 && found.lastKey() == channels - 1;
            if (!complete) {
                throw new IllegalArgumentException(OneLine.visible(folder + ": case " + e.getKey()) + " has channel file(s) " + numbers(found)
                        + " but the model takes " + channels + " channel(s) " + OneLine.visible(channelNames) + ": expected " + expected(channels));
            }
            out.add(new Case(e.getKey(), endings.get(e.getKey()), List.copyOf(found.values())));
        }
        return out;
    }

    private static String numbers(TreeMap<Integer, Path> found) {
        List<String> n = new ArrayList<>();
        found.keySet().forEach(k -> n.add(String.format(java.util.Locale.ROOT, "_%04d", k)));
        return String.join(", ", n);
    }

    private static String expected(int channels) {
        return channels == 1 ? "_0000 only" : "_0000 to " + String.format(java.util.Locale.ROOT, "_%04d", channels - 1);
    }
}
