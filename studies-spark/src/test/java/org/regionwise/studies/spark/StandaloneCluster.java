package org.regionwise.studies.spark;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a Master and {@code workers} Workers, each a JVM on this test's
 * class path (which holds Spark, the study API and the tests' {@link TinyEnvironment}, so executors need no jars),
 * on free ports, each worker offering one core. Closing stops them (and so their executors). Their logs are in
 * {@code dir/logs}.
 */
final class StandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Path logs;
    final String master;

    StandaloneCluster(Path dir, int workers) throws IOException, InterruptedException {
        logs = Files.createDirectories(dir.resolve("logs"));
        // A worker launches executors through Spark's launcher, which wants SPARK_HOME/jars; ours is empty and the
        // class path comes from SPARK_DIST_CLASSPATH.
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        start(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--webui-port", Integer.toString(freePort()));
        awaitPort(port);
        for (int w = 0; w < workers; w++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + w));
            start(home, "worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                    "--memory", "1g", "--work-dir", work.toString(), "--webui-port", Integer.toString(freePort()), master);
        }
    }

    private void start(Path home, String name, String main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_DIST_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        processes.add(pb.start());
    }

    /** The pids of the executor JVMs running now (children of the workers). */
    List<Long> executors() {
        List<Long> out = new ArrayList<>();
        for (Process p : processes) p.descendants().forEach(h -> out.add(h.pid()));
        return out;
    }

    /** The last lines of every log, for a failure message. */
    String logTails() {
        StringBuilder b = new StringBuilder();
        try (var files = Files.walk(logs.getParent())) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log") || f.getFileName().toString().equals("stderr")).toList()) {
                List<String> lines = Files.readAllLines(f);
                b.append("== ").append(f).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> b.append(l).append('\n'));
            }
        } catch (IOException e) {
            b.append("(logs unreadable: ").append(e.getMessage()).append(")");
        }
        return b.toString();
    }

    @Override
    public void close() throws InterruptedException {
        // Workers first (they stop their executors), then the master.
        for (int i = processes.size() - 1; i >= 0; i--) processes.get(i).destroy();
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > until) throw new IOException("the Spark master did not open port " + port + " in 120 s", e);
                Thread.sleep(200);
            }
        }
    }
}
