package org.regionwise.tests.theory;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A small 2D label image built from rectangles painted over background, in jqwik form so that a failing
 * image shrinks towards fewer, smaller rectangles.
 */
record LabelImage(int height, int width, int classes, int[] labels) {

    /** One painted rectangle: class, top-left corner, size (clipped to the image). */
    record Rectangle(int label, int top, int left, int rows, int cols) {}

    static LabelImage paint(int height, int width, int classes, List<Rectangle> rectangles) {
        int[] labels = new int[height * width];
        for (Rectangle r : rectangles) {
            for (int y = r.top(); y < Math.min(height, r.top() + r.rows()); y++) {
                for (int x = r.left(); x < Math.min(width, r.left() + r.cols()); x++) labels[y * width + x] = r.label();
            }
        }
        return new LabelImage(height, width, classes, labels);
    }

    /** Images of {@code classes} classes on up to 8 x 8 pixels, from 1 to 2C rectangles. */
    static Arbitrary<LabelImage> rectangles(int classes) {
        Arbitrary<Integer> height = Arbitraries.integers().between(2, 8);
        Arbitrary<Integer> width = Arbitraries.integers().between(2, 8);
        return Combinators.combine(height, width).flatAs((h, w) -> {
            Arbitrary<Rectangle> rectangle = Combinators.combine(
                    Arbitraries.integers().between(1, classes - 1),
                    Arbitraries.integers().between(0, h - 1), Arbitraries.integers().between(0, w - 1),
                    Arbitraries.integers().between(1, h), Arbitraries.integers().between(1, w)).as(Rectangle::new);
            return rectangle.list().ofMinSize(1).ofMaxSize(2 * classes).map(list -> paint(h, w, classes, list));
        });
    }

    /** Independent random labels: many tiny regions, classes often absent. */
    static Arbitrary<LabelImage> noise(int classes) {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6)).flatAs((h, w) ->
                Arbitraries.integers().between(0, classes - 1).array(int[].class).ofSize(h * w)
                        .map(labels -> new LabelImage(h, w, classes, labels)));
    }

    int pixels() {
        return height * width;
    }

    long presentClasses() {
        return Arrays.stream(labels).distinct().count();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LabelImage " + height + " x " + width + ", C=" + classes + ":");
        for (int y = 0; y < height; y++) {
            sb.append("\n  ");
            for (int x = 0; x < width; x++) sb.append(labels[y * width + x]);
        }
        return sb.toString();
    }
}
