package org.regionwise.experiments.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON reader and writer of the experiments, on Jackson's streaming parser and generator.
 *
 * <p>Reading is strict (RFC 8259): no comments, trailing commas, single quotes, leading zeros, NaN or
 * text after the value, and a repeated key is an error, because a silently misread label map would
 * train on the wrong classes. Values come back as plain Java objects: an object is a
 * {@code LinkedHashMap<String, Object>} (keys in file order), an array an {@code ArrayList<Object>}, a
 * number a {@code Double}, {@code true}/{@code false} a {@code Boolean}, {@code null} Java {@code null}.
 * Errors are {@link JsonFormatException}s with the source, line and column.
 *
 * <p>Writing takes maps (keys in iteration order), lists, {@code double[]}, {@code int[]}, strings,
 * numbers, booleans and null, two-space indented, with arrays of plain values on one line. A double is
 * written as the shortest decimal that reads back to the same double (so a checkpoint's numbers
 * survive a round trip exactly), without an exponent between 1e-7 and 1e15; NaN and infinities, which
 * JSON lacks, become {@code null}. Longs that may exceed 2^53 (seeds) are written as strings by the
 * caller, because readers parse numbers as doubles.
 */
public final class Json {
    /** Deeper nesting than any file we read; the limit keeps a hostile file from overflowing the stack. */
    static final int MAX_DEPTH = 256;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private Json() {}

    /**
     * Parses one JSON value that spans all of {@code text} (whitespace around it and a leading byte-order
     * mark are allowed).
     *
     * @param source names the text in error messages (usually the file)
     * @throws JsonFormatException at the first character that breaks the grammar
     */
    public static Object read(String text, String source) throws JsonFormatException {
        String body = text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
        try (JsonParser p = FACTORY.createParser(body)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() == null) throw new JsonFormatException(source, 1, 1, "unexpected end of input, expected a value");
            Object value = value(p, source);
            if (p.nextToken() != null) throw error(source, p.currentTokenLocation(), "unexpected text after the JSON value");
            return value;
        } catch (StreamConstraintsException e) {
            throw new JsonFormatException(source, 0, 0, "nested deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw error(source, e.getLocation(), e.getOriginalMessage());
        } catch (JsonFormatException e) {
            throw e;
        } catch (IOException e) { // a String cannot fail to be read
            throw new UncheckedIOException("reading JSON from a string", e);
        }
    }

    private static Object value(JsonParser p, String source) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p, source));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p, source));
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw error(source, p.currentTokenLocation(), "unexpected " + t);
        }
    }

    private static JsonFormatException error(String source, JsonLocation at, String problem) {
        String why = problem == null ? "malformed" : problem.lines().findFirst().orElse(problem);
        if (why.startsWith("Duplicate field '") && why.endsWith("'")) {
            why = "\"" + why.substring("Duplicate field '".length(), why.length() - 1) + "\" appears twice";
        }
        return new JsonFormatException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), why);
    }

    /** The JSON text of {@code value}, two-space indented, ending in a newline. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new FlatArrays());
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return out.append('\n').toString();
    }

    /** Like {@link #write}, on one line, each double rounded to {@code digits} significant digits (timings). */
    public static String compact(Object value, int digits) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, rounded(value, new MathContext(digits)));
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return out.toString();
    }

    private static Object rounded(Object v, MathContext digits) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d).round(digits).doubleValue() : d;
        }
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double d : a) out.add(rounded(d, digits));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k, rounded(x, digits)));
            return out;
        }
        if (v instanceof List<?> list) return list.stream().map(x -> rounded(x, digits)).toList();
        return v;
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            number(g, ((Number) v).doubleValue());
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof double[] a) {
            g.writeStartArray();
            for (double d : a) number(g, d);
            g.writeEndArray();
        } else if (v instanceof int[] a) {
            g.writeStartArray();
            for (int i : a) g.writeNumber(i);
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object x : list) write(g, x);
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void number(JsonGenerator g, double d) throws IOException {
        if (!Double.isFinite(d)) {
            g.writeNull();
            return;
        }
        if (d == 0) {
            g.writeNumber(1 / d < 0 ? "-0.0" : "0"); // BigDecimal has no negative zero
            return;
        }
        BigDecimal shortest = BigDecimal.valueOf(d).stripTrailingZeros();
        double magnitude = Math.abs(d);
        boolean plain = magnitude >= 1e-7 && magnitude < 1e15;
        g.writeNumber(plain ? shortest.toPlainString() : shortest.toString());
    }

    /**
     * Two-space indentation, {@code "name": value}, {@code {}} and {@code []} when empty, and arrays on
     * one line ({@code [1, 2]}) until they hold an object or an array, whose elements then go one to a line.
     */
    private static final class FlatArrays extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;
        /** For each open array: whether its elements go one to a line. */
        private final ArrayDeque<Boolean> broken = new ArrayDeque<>();

        FlatArrays() {
            super(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.NONE));
            indentObjectsWith(new DefaultIndenter("  ", "\n"));
        }

        @Override
        public FlatArrays createInstance() {
            return new FlatArrays();
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            breakIfInArray(g);
            super.writeStartObject(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries > 0) {
                super.writeEndObject(g, nrOfEntries);
                return;
            }
            _nesting--;
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            breakIfInArray(g);
            g.writeRaw('[');
            _nesting++;
            broken.push(false);
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {}

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(broken.peek() ? "," : ", ");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            _nesting--;
            if (broken.pop()) newLine(g);
            g.writeRaw(']');
        }

        /** An object or array inside an array: that array goes one element to a line from here on. */
        private void breakIfInArray(JsonGenerator g) throws IOException {
            JsonStreamContext parent = g.getOutputContext().getParent();
            if (parent != null && parent.inArray() && !broken.isEmpty()) {
                broken.pop();
                broken.push(true);
                newLine(g);
            }
        }

        private void newLine(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(_nesting));
        }
    }
}
