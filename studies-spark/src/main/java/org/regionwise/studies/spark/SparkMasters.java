package org.regionwise.studies.spark;

import java.util.regex.Pattern;
import org.regionwise.autodiff.text.OneLine;

/** The master addresses {@code --master} takes, checked where they enter (Spark's own error comes late and long). */
final class SparkMasters {
    static final String DEFAULT = "local[*]";
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?");
    private static final Pattern CLUSTER = Pattern.compile("(spark://[^\\s/]+(,[^\\s/]+)*|k8s://\\S+|yarn)");

    private SparkMasters() {}

    /** {@code master} if Spark can use it; otherwise an IllegalArgumentException naming the forms. */
    static String check(String master) {
        if (LOCAL.matcher(master).matches() || CLUSTER.matcher(master).matches()) return master;
        throw new IllegalArgumentException("--master '" + OneLine.visible(master) + "' is not a Spark master: use local[N], local[*], "
                + "spark://host:port or k8s://https://host:port");
    }

    /** Whether {@code master} runs everything inside this JVM (no executors to lose, no resources offered). */
    static boolean isLocal(String master) {
        return master.startsWith("local");
    }
}
