package org.regionwise.experiments.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.experiments.eval.VolumeMetrics;

/**
 * Everything {@link ReportWriter} puts in a {@code report.md}: what was run on which data, how well
 * it did per class, the pictures, and how long it took. Build one with {@link #builder(String)}.
 *
 * @param title         the report's heading
 * @param dataset       a paragraph (Markdown) on the data: source, cases, split, classes
 * @param configuration settings in display order (loss, epochs, learning rate, ...)
 * @param classNames    one name per class index, background first
 * @param cases         the evaluated volumes by case name, in display order; may be empty
 * @param figures       pictures to embed, in order
 * @param timings       how long each step took, in order
 * @param notes         free remarks (fallbacks taken, warnings), one bullet each
 * @param sections      further results, each a titled block of Markdown, after the results table
 */
public record Report(String title, String dataset, Map<String, String> configuration, List<String> classNames,
                     Map<String, VolumeMetrics> cases, List<Figure> figures, List<Timing> timings, List<String> notes,
                     List<Section> sections) {

    /**
     * A titled block of results beside the main table (e.g. the same model scored at another resolution).
     *
     * @param title    the heading
     * @param markdown the body
     */
    public record Section(String title, String markdown) {
        /** Checks that both are present. */
        public Section {
            if (title == null || title.isBlank() || markdown == null) throw new IllegalArgumentException("a section needs a title and a body");
        }
    }

    /**
     * A picture in the report.
     *
     * @param caption what it shows
     * @param file    the PNG; the report links to it by its path relative to the report's folder
     */
    public record Figure(String caption, Path file) {
        /** Checks that both are present. */
        public Figure {
            if (caption == null || file == null) {
                throw new IllegalArgumentException("a figure needs a caption and a file");
            }
        }
    }

    /**
     * How long one step took.
     *
     * @param step     e.g. "training (20 epochs)"
     * @param duration wall-clock time, not negative
     */
    public record Timing(String step, Duration duration) {
        /** Checks that both are present and the duration is not negative. */
        public Timing {
            if (step == null || duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("a timing needs a step and a duration >= 0, got " + step + ", " + duration);
            }
        }
    }

    /** Copies every collection and checks that the class names cover every evaluated class. */
    public Report {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a report needs a title");
        }
        dataset = dataset == null ? "" : dataset;
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration == null ? Map.of() : configuration));
        classNames = List.copyOf(classNames == null ? List.of() : classNames);
        cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases == null ? Map.of() : cases));
        figures = List.copyOf(figures == null ? List.of() : figures);
        timings = List.copyOf(timings == null ? List.of() : timings);
        notes = List.copyOf(notes == null ? List.of() : notes);
        sections = List.copyOf(sections == null ? List.of() : sections);
        for (Map.Entry<String, VolumeMetrics> c : cases.entrySet()) {
            if (c.getValue() == null) {
                throw new IllegalArgumentException("case " + c.getKey() + " has no metrics");
            }
            if (c.getValue().classCount() != classNames.size()) {
                throw new IllegalArgumentException("case " + c.getKey() + " has " + c.getValue().classCount()
                        + " classes but the report names " + classNames.size() + ": " + classNames);
            }
        }
    }

    /** A builder for a report with this title. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects a report's parts as a run produces them; {@link #build()} checks them. */
    public static final class Builder {
        private final String title;
        private String dataset = "";
        private final Map<String, String> configuration = new LinkedHashMap<>();
        private List<String> classNames = List.of();
        private final Map<String, VolumeMetrics> cases = new LinkedHashMap<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<Timing> timings = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        /** The data set paragraph (Markdown). */
        public Builder dataset(String description) {
            this.dataset = description;
            return this;
        }

        /** One configuration row; a repeated key replaces its value in place. */
        public Builder setting(String key, Object value) {
            configuration.put(key, String.valueOf(value));
            return this;
        }

        /** The class names, background first. */
        public Builder classNames(List<String> names) {
            this.classNames = List.copyOf(names);
            return this;
        }

        /** The metrics of one evaluated volume. */
        public Builder evaluated(String caseName, VolumeMetrics metrics) {
            if (cases.put(caseName, metrics) != null) {
                throw new IllegalArgumentException("case " + caseName + " was already added");
            }
            return this;
        }

        /** A picture to embed. */
        public Builder figure(String caption, Path png) {
            figures.add(new Figure(caption, png));
            return this;
        }

        /** How long a step took. */
        public Builder timing(String step, Duration duration) {
            timings.add(new Timing(step, duration));
            return this;
        }

        /** A remark for the notes list. */
        public Builder note(String text) {
            notes.add(text);
            return this;
        }

        /** A further titled block of results (Markdown), after the results table. */
        public Builder section(String title, String markdown) {
            sections.add(new Section(title, markdown));
            return this;
        }

        /** The report; throws {@link IllegalArgumentException} when the parts do not fit together. */
        public Report build() {
            return new Report(title, dataset, configuration, classNames, cases, figures, timings, notes, sections);
        }
    }
}
