package org.regionwise.benchpeer;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.regionwise.experiments.bench.TrainingStep;
import org.regionwise.experiments.bench.UNetStepPeer;
import org.regionwise.experiments.bench.UNetStepSpec;

/**
 * PyTorch (CPU, libtorch from the {@code pytorch-native-cpu} jar) through DJL as the peer of
 * {@code regionwise bench}. Offline by construction: the native library and DJL's JNI glue come from jars on
 * the class path, and {@code ai.djl.offline=true} makes DJL refuse any download instead of trying one.
 *
 * <p>Before the engine starts: PyTorch's intra-op and inter-op pools get {@link UNetStepSpec#threads()}
 * threads ({@code ai.djl.pytorch.num_threads}, {@code ai.djl.pytorch.num_interop_threads}); DJL extracts the
 * native library to {@code ENGINE_CACHE_DIR}, set here to {@code djl-cache} beside this jar unless the user
 * chose one, so nothing lands in the home folder and {@code mvn clean} removes it.
 */
public final class DjlPyTorchPeer implements UNetStepPeer {
    static final String ENGINE = "PyTorch";
    private static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";

    @Override
    public String name() {
        Properties p = engineProperties();
        return "PyTorch " + p.getProperty("pytorch_version", "?") + " (DJL " + p.getProperty("djl_version", "?")
                + ", CPU)";
    }

    @Override
    public TrainingStep open(UNetStepSpec spec) {
        Engine engine = start(spec.threads());
        return new DjlUNetStep(spec, engine);
    }

    /** Configures and starts DJL's PyTorch engine with {@code threads} threads; idempotent. */
    static synchronized Engine start(int threads) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.setProperty("ai.djl.default_engine", ENGINE);
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", String.valueOf(threads));
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null
                && System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            Path cache = besideThisJar().resolve("djl-cache");
            System.setProperty("ENGINE_CACHE_DIR", cache.toString());
        }
        ClassLoader loader = DjlPyTorchPeer.class.getClassLoader();
        String jni = "jnilib/" + platform() + "/cpu/libdjl_torch.so";
        if (loader.getResource(NATIVE_PROPERTIES) == null || loader.getResource(jni) == null) {
            throw new IllegalStateException("PyTorch's native library is not on the class path (" + NATIVE_PROPERTIES
                    + ", " + jni + "): the peer needs ai.djl.pytorch:pytorch-native-cpu:linux-x86_64 and "
                    + "ai.djl.pytorch:pytorch-jni, listed in bench-peer/target/peer-classpath.txt");
        }
        Engine engine = Engine.getEngine(ENGINE);
        // The intra-op count can change at any time (the inter-op one only before first use).
        JniUtils.setNumThreads(threads);
        return engine;
    }

    /** Threads PyTorch uses now: intra-op, inter-op. */
    static int[] threads() {
        return new int[] {JniUtils.getNumThreads(), JniUtils.getNumInteropThreads()};
    }

    private static String platform() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return "linux-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch);
    }

    private static Properties engineProperties() {
        Properties p = new Properties();
        try (InputStream in = Engine.class.getClassLoader().getResourceAsStream("pytorch-engine.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // versions unknown: name() shows "?"
        }
        return p;
    }

    private static Path besideThisJar() {
        try {
            Path location = Path.of(DjlPyTorchPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }
}
