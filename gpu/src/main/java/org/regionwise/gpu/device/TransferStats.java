package org.regionwise.gpu.device;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts host-device traffic and launches, so tests can assert residency (a second use of a tensor moves
 * nothing) and benchmarks can report what moved.
 */
public final class TransferStats {
    private final AtomicLong uploads = new AtomicLong();
    private final AtomicLong uploadedFloats = new AtomicLong();
    private final AtomicLong downloads = new AtomicLong();
    private final AtomicLong downloadedFloats = new AtomicLong();
    private final AtomicLong launches = new AtomicLong();

    void upload(int count) {
        uploads.incrementAndGet();
        uploadedFloats.addAndGet(count);
    }

    void download(int count) {
        downloads.incrementAndGet();
        downloadedFloats.addAndGet(count);
    }

    void launch() {
        launches.incrementAndGet();
    }

    public long uploads() {
        return uploads.get();
    }

    public long uploadedFloats() {
        return uploadedFloats.get();
    }

    public long downloads() {
        return downloads.get();
    }

    public long downloadedFloats() {
        return downloadedFloats.get();
    }

    public long launches() {
        return launches.get();
    }

    @Override
    public String toString() {
        return launches() + " launches, " + uploads() + " uploads (" + uploadedFloats() + " floats), "
                + downloads() + " downloads (" + downloadedFloats() + " floats)";
    }
}
