package org.regionwise.experiments.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.regionwise.autodiff.text.OneLine;

/**
 * Typed access to one parsed JSON object (as {@link org.regionwise.experiments.io.Json#read} returns
 * it), with errors that name the file and the field: a checkpoint that lacks a field is reported as
 * such, not as a NullPointerException.
 */
final class JsonFields {
    private final Map<?, ?> object;
    private final String where;

    private JsonFields(Map<?, ?> object, String where) {
        this.object = object;
        this.where = where;
    }

    /** Wraps a parsed value that must be an object; {@code where} names it in messages. */
    static JsonFields of(Object value, String where) throws IOException {
        if (!(value instanceof Map<?, ?> map)) throw new IOException(OneLine.visible(where) + ": expected a JSON object");
        return new JsonFields(map, where);
    }

    boolean has(String key) {
        return object.containsKey(key) && object.get(key) != null;
    }

    JsonFields object(String key) throws IOException {
        return of(require(key), where + "." + key);
    }

    String string(String key) throws IOException {
        if (require(key) instanceof String s) return s;
        throw wrong(key, "a string");
    }

    double number(String key) throws IOException {
        Object v = object.get(key);
        if (v == null && object.containsKey(key)) return Double.NaN; // NaN is written as null
        if (require(key) instanceof Double d) return d;
        throw wrong(key, "a number");
    }

    int integer(String key) throws IOException {
        double d = number(key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw wrong(key, "an integer");
        return (int) d;
    }

    long longValue(String key) throws IOException {
        double d = number(key);
        if (d != Math.rint(d) || Math.abs(d) > (1L << 53)) throw wrong(key, "an integer below 2^53");
        return (long) d;
    }

    boolean bool(String key) throws IOException {
        if (require(key) instanceof Boolean b) return b;
        throw wrong(key, "true or false");
    }

    List<String> strings(String key) throws IOException {
        List<String> out = new ArrayList<>();
        for (Object o : list(key)) {
            if (!(o instanceof String s)) throw wrong(key, "a list of strings");
            out.add(s);
        }
        return out;
    }

    /** A list of numbers; null entries (NaN when written) come back as NaN. A null list is null. */
    double[] doublesOrNull(String key) throws IOException {
        if (object.get(key) == null) return null;
        List<?> list = list(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = list.get(i);
            if (o == null) out[i] = Double.NaN;
            else if (o instanceof Double d) out[i] = d;
            else throw wrong(key, "a list of numbers");
        }
        return out;
    }

    List<?> list(String key) throws IOException {
        if (require(key) instanceof List<?> l) return l;
        throw wrong(key, "a list");
    }

    List<JsonFields> objects(String key) throws IOException {
        List<JsonFields> out = new ArrayList<>();
        List<?> l = list(key);
        for (int i = 0; i < l.size(); i++) out.add(of(l.get(i), where + "." + key + "[" + i + "]"));
        return out;
    }

    private Object require(String key) throws IOException {
        Object v = object.get(key);
        if (v == null) throw new IOException(OneLine.visible(where) + ": field '" + key + "' is missing");
        return v;
    }

    private IOException wrong(String key, String expected) {
        // The value is the file's: a string (or a list of them) may hold a newline.
        return new IOException(OneLine.visible(where) + ": field '" + key + "' should be " + expected + ", got "
                + OneLine.visible(object.get(key)));
    }
}
