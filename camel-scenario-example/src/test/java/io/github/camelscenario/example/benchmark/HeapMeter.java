package io.github.camelscenario.example.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Map;

/**
 * Heap figures of one run.
 * <ul>
 * <li>Peak heap: after a {@code System.gc()}, every heap pool's peak is reset ({@link MemoryPoolMXBean#resetPeakUsage});
 * at the end the pools' peaks are summed (the pools may peak at different moments, so this can overstate the true
 * peak a little). It includes the local server, which runs in the same JVM, and depends on when the collector runs.</li>
 * <li>Allocation: bytes allocated by the threads of the run (HotSpot's per-thread counters), the local server's threads
 * left out, divided by the hits.</li>
 * </ul>
 */
final class HeapMeter {

    private static final com.sun.management.ThreadMXBean THREADS
            = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Map<Long, Long> allocatedAtStart;

    /** Collects, resets the peaks, and notes the allocation counters. */
    void start() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        allocatedAtStart = allocatedByClientThreads();
    }

    /** Bytes allocated since {@link #start()} by threads other than the server's (threads ended meanwhile are lost). */
    long allocatedBytes() {
        long sum = 0;
        for (Map.Entry<Long, Long> e : allocatedByClientThreads().entrySet()) {
            sum += e.getValue() - allocatedAtStart.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /** The sum of the heap pools' peaks since {@link #start()}. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static Map<Long, Long> allocatedByClientThreads() {
        Map<Long, Long> bytes = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            // the local server's request threads and the JDK HttpServer's dispatcher
            if (name.startsWith("local-scenario-") || name.startsWith("HTTP-Dispatcher")) {
                continue;
            }
            long allocated = THREADS.getThreadAllocatedBytes(t.getId());
            if (allocated >= 0) {
                bytes.put(t.getId(), allocated);
            }
        }
        return bytes;
    }
}
