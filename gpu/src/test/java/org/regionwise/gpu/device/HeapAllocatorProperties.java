package org.regionwise.gpu.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random allocate/free sequences: blocks are aligned, never overlap, and freeing everything restores one block. */
class HeapAllocatorProperties {

    @Property(tries = 200)
    void blocksNeverOverlapAndFreeingEverythingRestoresTheHeap(@ForAll @IntRange(min = 0, max = 100000) int seed) {
        Random random = new Random(seed);
        HeapAllocator allocator = new HeapAllocator(1 << 14);
        TreeMap<Integer, Integer> live = new TreeMap<>();
        for (int op = 0; op < 300; op++) {
            if (live.isEmpty() || random.nextInt(3) > 0) {
                int count = random.nextInt(random.nextBoolean() ? 40 : 2000);
                int off = allocator.allocate(count);
                if (off < 0) continue; // full: allowed
                assertEquals(0, off % HeapAllocator.ALIGNMENT);
                assertTrue(off + count <= allocator.capacity());
                var before = live.floorEntry(off);
                assertTrue(before == null || before.getKey() + before.getValue() <= off, "overlaps the block before");
                var after = live.ceilingEntry(off);
                assertTrue(after == null || off + count <= after.getKey(), "overlaps the block after");
                live.put(off, count);
            } else {
                List<Integer> keys = new ArrayList<>(live.keySet());
                int off = keys.get(random.nextInt(keys.size()));
                live.remove(off);
                allocator.free(off);
            }
        }
        for (int off : live.keySet()) allocator.free(off);
        assertEquals(0, allocator.usedFloats());
        assertEquals(0, allocator.allocate(allocator.capacity()), "one free block spans the whole heap again");
    }
}
