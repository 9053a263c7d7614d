package org.regionwise.experiments.bench;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the {@link UNetStepPeer} on the class path, or says why there is none. */
public final class PeerLoader {
    /** What to do when the peer is absent. */
    public static final String NOT_BUILT = "peer: not built (run ./regionwise bench, which builds it, or "
            + "mvn -Ppeer -pl bench-peer -am package and put bench-peer/target/peer.jar and the jars listed in "
            + "bench-peer/target/peer-classpath.txt on the class path)";

    private PeerLoader() {}

    /** The peer, or null (then {@link #reason()} says why). */
    public record Found(UNetStepPeer peer, String reason) {}

    public static Found find() {
        try {
            Iterator<UNetStepPeer> it = ServiceLoader.load(UNetStepPeer.class).iterator();
            if (!it.hasNext()) return new Found(null, NOT_BUILT);
            return new Found(it.next(), null);
        } catch (ServiceConfigurationError | LinkageError e) {
            return new Found(null, "peer: found but cannot be loaded (" + e.getMessage() + "); rebuild it with "
                    + "REGIONWISE_REBUILD=1 ./regionwise bench");
        }
    }
}
