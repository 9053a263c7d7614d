package org.regionwise.experiments.io;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal JSON text writer: nested objects and arrays, two-space indentation, escaped strings,
 * and non-finite numbers written as {@code null} (JSON has no NaN). Just enough for metric reports;
 * it trusts its caller to pair every begin with an end and to name every object member.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** For each open container: whether it has no element yet. */
    private final Deque<Boolean> emptyContainers = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        emptyContainers.push(true);
        return this;
    }

    public JsonWriter endObject() {
        return end('}');
    }

    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        emptyContainers.push(true);
        return this;
    }

    public JsonWriter endArray() {
        return end(']');
    }

    /** The name of the next object member. */
    public JsonWriter name(String name) {
        newElement();
        out.append(quote(name)).append(": ");
        afterName = true;
        return this;
    }

    /** A number, or {@code null} when it is NaN or infinite. */
    public JsonWriter value(double number) {
        beforeValue();
        out.append(Double.isFinite(number) ? Double.toString(number) : "null");
        return this;
    }

    public JsonWriter value(long number) {
        beforeValue();
        out.append(number);
        return this;
    }

    public JsonWriter value(String text) {
        beforeValue();
        out.append(text == null ? "null" : quote(text));
        return this;
    }

    /** A short array of numbers on one line, e.g. {@code [1.0, 0.5, 0.5]}. */
    public JsonWriter inlineArray(double[] numbers) {
        beforeValue();
        out.append('[');
        for (int i = 0; i < numbers.length; i++) {
            out.append(i == 0 ? "" : ", ").append(Double.isFinite(numbers[i]) ? Double.toString(numbers[i]) : "null");
        }
        out.append(']');
        return this;
    }

    /** A short array of integers on one line. */
    public JsonWriter inlineArray(int[] numbers) {
        beforeValue();
        out.append('[');
        for (int i = 0; i < numbers.length; i++) {
            out.append(i == 0 ? "" : ", ").append(numbers[i]);
        }
        out.append(']');
        return this;
    }

    /** The text written so far, ending in a newline once the outermost container is closed. */
    @Override
    public String toString() {
        return emptyContainers.isEmpty() ? out + "\n" : out.toString();
    }

    /** {@code text} as a JSON string literal: quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    // Control characters must be escaped; a lone surrogate has no UTF-8 encoding, so
                    // it is escaped too rather than turned into '?' when the text is written out.
                    boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pairedSurrogate) {
                        sb.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else if (!emptyContainers.isEmpty()) {
            newElement();
        }
    }

    /** A comma after the previous element of the open container, then a new indented line. */
    private void newElement() {
        if (!emptyContainers.pop()) {
            out.append(',');
        }
        emptyContainers.push(false);
        newLine(emptyContainers.size());
    }

    private JsonWriter end(char bracket) {
        boolean wasEmpty = emptyContainers.pop();
        if (!wasEmpty) {
            newLine(emptyContainers.size());
        }
        out.append(bracket);
        return this;
    }

    private void newLine(int depth) {
        out.append('\n');
        out.append("  ".repeat(depth));
    }
}
