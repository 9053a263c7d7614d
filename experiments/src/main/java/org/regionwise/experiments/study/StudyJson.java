package org.regionwise.experiments.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.io.AtomicFile;

/**
 * The JSON form of a study's records ({@link TrialSpec}, {@link TrialResult}, the study manifest), through
 * Jackson. The text is deterministic (fields in declared order, two-space indent, {@code \n} line ends,
 * doubles in their shortest round-trip form, NaN as the string {@code "NaN"}), so equal records give equal
 * bytes, and files are written atomically.
 */
public final class StudyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final ObjectWriter WRITER = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance));

    private StudyJson() {}

    /** The JSON text of a record (ending in a newline). */
    public static String text(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses {@code text} as a {@code type}; errors name {@code source}. */
    public static <T> T parse(String text, Class<T> type, String source) throws IOException {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IOException(OneLine.visible(source) + ": not a valid " + type.getSimpleName() + " ("
                    + OneLine.visible(e.getOriginalMessage()) + ")", e); // Jackson quotes the file's text as it is
        }
    }

    /** Writes {@link #text} of {@code value} to {@code file} atomically. */
    public static void write(Path file, Object value) throws IOException {
        byte[] bytes = text(value).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /** Reads {@code file} as a {@code type}. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "missing");
        }
        return parse(text, type, file.toString());
    }
}
