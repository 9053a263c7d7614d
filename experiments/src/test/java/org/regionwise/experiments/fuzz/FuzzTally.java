package org.regionwise.experiments.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fuzz suite's table of counts, per suite and in total: cases, clear errors, documented results,
 * internal errors, hangs, silent wrong results, data lost. Every suite adds its cases here; the table is
 * printed and written to {@code target/fuzz-table.md} after each suite, so the last one holds them all.
 */
public final class FuzzTally {
    private static final Map<String, Map<FuzzVerdict, Integer>> COUNTS = new TreeMap<>();
    private static final List<String> BAD = new ArrayList<>();

    private FuzzTally() {}

    /** Counts one case of {@code suite}; a bad verdict also keeps its description for the report. */
    public static synchronized void add(String suite, FuzzVerdict verdict, String description) {
        COUNTS.computeIfAbsent(suite, s -> new EnumMap<>(FuzzVerdict.class)).merge(verdict, 1, Integer::sum);
        if (verdict.bad()) BAD.add(suite + " " + verdict + ": " + description);
    }

    /** The markdown table, one row per suite and a total. */
    public static synchronized String table() {
        StringBuilder s = new StringBuilder("| suite | cases | clear error | documented | internal error | hang | silent wrong | data lost |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        Map<FuzzVerdict, Integer> total = new EnumMap<>(FuzzVerdict.class);
        COUNTS.forEach((suite, counts) -> {
            s.append(row(suite, counts));
            counts.forEach((v, n) -> total.merge(v, n, Integer::sum));
        });
        s.append(row("**total**", total));
        return s.toString();
    }

    /** Prints the table and writes it to target/fuzz-table.md (with the bad cases listed below it). */
    public static synchronized void report() throws IOException {
        String text = table() + (BAD.isEmpty() ? "" : "\nbad cases:\n- " + String.join("\n- ", BAD) + "\n");
        System.out.println(text);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) Files.writeString(target.resolve("fuzz-table.md"), text, StandardCharsets.UTF_8);
    }

    private static String row(String suite, Map<FuzzVerdict, Integer> counts) {
        int cases = counts.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |%n", suite, cases,
                counts.getOrDefault(FuzzVerdict.CLEAR_ERROR, 0), counts.getOrDefault(FuzzVerdict.DOCUMENTED, 0),
                counts.getOrDefault(FuzzVerdict.INTERNAL_ERROR, 0), counts.getOrDefault(FuzzVerdict.HANG, 0),
                counts.getOrDefault(FuzzVerdict.SILENT_WRONG, 0), counts.getOrDefault(FuzzVerdict.DATA_LOST, 0));
    }
}
