package org.regionwise.experiments.io;

import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values as indented JSON: maps (keys in iteration order), lists, {@code double[]},
 * strings, numbers, booleans and null. Doubles are written with {@link Double#toString}, the shortest
 * text that parses back to the same double, so a checkpoint's numbers survive a round trip exactly;
 * NaN and infinities, which JSON lacks, become {@code null}. Longs that may exceed 2^53 (seeds) are
 * written as strings by the caller, because JSON readers parse numbers as doubles.
 */
final class JsonText {
    private JsonText() {}

    /** The JSON text of {@code value}, two-space indented, ending in a newline. */
    static String of(Object value) {
        StringBuilder s = new StringBuilder();
        write(s, value, 0);
        return s.append('\n').toString();
    }

    private static void write(StringBuilder s, Object v, int depth) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            string(s, str);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            s.append(v);
        } else if (v instanceof Double d) {
            s.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Float f) {
            write(s, (double) f, depth);
        } else if (v instanceof double[] a) {
            s.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) s.append(", ");
                write(s, a[i], depth);
            }
            s.append(']');
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                s.append("{}");
                return;
            }
            s.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                indent(s, depth + 1);
                string(s, String.valueOf(e.getKey()));
                s.append(": ");
                write(s, e.getValue(), depth + 1);
                s.append(++i < map.size() ? ",\n" : "\n");
            }
            indent(s, depth);
            s.append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                s.append("[]");
                return;
            }
            boolean flat = list.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            s.append(flat ? "[" : "[\n");
            for (int i = 0; i < list.size(); i++) {
                if (!flat) indent(s, depth + 1);
                write(s, list.get(i), depth + 1);
                if (i + 1 < list.size()) s.append(flat ? ", " : ",\n");
            }
            if (!flat) {
                s.append('\n');
                indent(s, depth);
            }
            s.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void indent(StringBuilder s, int depth) {
        s.append("  ".repeat(depth));
    }

    private static void string(StringBuilder s, String str) {
        s.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        s.append('"');
    }
}
