package org.regionwise.gpu.device;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Carves a device heap of {@code capacity} floats into blocks: best fit over a free list ordered by offset,
 * neighbours merged on free so the heap does not fragment into slivers. Offsets are aligned to
 * {@link #ALIGNMENT} floats (64 bytes) so every tensor starts on a cache line / memory transaction.
 * Thread-safe: tensors are freed from a Cleaner thread.
 */
public final class HeapAllocator {
    public static final int ALIGNMENT = 16;

    private final int capacity;
    private final TreeMap<Integer, Integer> freeBlocks = new TreeMap<>();
    private final Map<Integer, Integer> usedBlocks = new HashMap<>();
    private long usedFloats;

    public HeapAllocator(int capacity) {
        if (capacity < ALIGNMENT) throw new IllegalArgumentException("heap capacity " + capacity + " < " + ALIGNMENT);
        this.capacity = capacity - capacity % ALIGNMENT;
        freeBlocks.put(0, this.capacity);
    }

    /** Offset of a new block of at least {@code count} floats, or -1 if no free block is large enough. */
    public synchronized int allocate(int count) {
        if (count < 0) throw new IllegalArgumentException("negative allocation " + count);
        if (count > capacity) return -1;
        int size = Math.max(ALIGNMENT, roundUp(count));
        int bestOffset = -1;
        int bestSize = Integer.MAX_VALUE;
        for (Map.Entry<Integer, Integer> block : freeBlocks.entrySet()) {
            int blockSize = block.getValue();
            if (blockSize >= size && blockSize < bestSize) {
                bestOffset = block.getKey();
                bestSize = blockSize;
                if (blockSize == size) break;
            }
        }
        if (bestOffset < 0) return -1;
        freeBlocks.remove(bestOffset);
        if (bestSize > size) freeBlocks.put(bestOffset + size, bestSize - size);
        usedBlocks.put(bestOffset, size);
        usedFloats += size;
        return bestOffset;
    }

    public synchronized void free(int offset) {
        Integer size = usedBlocks.remove(offset);
        if (size == null) throw new IllegalStateException("free of unknown heap offset " + offset);
        usedFloats -= size;
        int start = offset;
        int end = offset + size;
        Map.Entry<Integer, Integer> before = freeBlocks.floorEntry(offset);
        if (before != null && before.getKey() + before.getValue() == start) {
            start = before.getKey();
            freeBlocks.remove(start);
        }
        Integer afterSize = freeBlocks.remove(end);
        if (afterSize != null) end += afterSize;
        freeBlocks.put(start, end - start);
    }

    public int capacity() {
        return capacity;
    }

    public synchronized long usedFloats() {
        return usedFloats;
    }

    public synchronized int liveBlocks() {
        return usedBlocks.size();
    }

    private static int roundUp(int count) {
        return (int) (((long) count + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT);
    }
}
