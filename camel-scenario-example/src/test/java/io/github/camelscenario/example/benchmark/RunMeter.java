package io.github.camelscenario.example.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Map;

/**
 * What one run cost on the client side, and the heap.
 * <ul>
 * <li>Peak heap: after a {@code System.gc()}, every heap pool's peak is reset ({@link MemoryPoolMXBean#resetPeakUsage});
 * at the end the pools' peaks are summed (the pools may peak at different moments, so this can overstate the true
 * peak a little). It includes the local server, which runs in the same JVM, and depends on when the collector runs.</li>
 * <li>Allocation: bytes allocated by the threads of the run (HotSpot's per-thread counters), the local server's threads
 * left out.</li>
 * <li>Client CPU: CPU time of the same threads: what the variant itself costs, whatever the server does.</li>
 * </ul>
 */
public final class RunMeter {

    private static final com.sun.management.ThreadMXBean THREADS
            = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Map<Long, long[]> atStart;

    /** Collects, resets the peaks, and notes the allocation counters. */
    void start() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        atStart = clientThreads();
    }

    /** Bytes allocated since {@link #start()} by threads other than the server's (threads ended meanwhile are lost). */
    long allocatedBytes() {
        return sinceStart(0);
    }

    /** CPU nanoseconds used since {@link #start()} by threads other than the server's. */
    long cpuNanos() {
        return sinceStart(1);
    }

    private long sinceStart(int which) {
        long sum = 0;
        for (Map.Entry<Long, long[]> e : clientThreads().entrySet()) {
            long[] before = atStart.get(e.getKey());
            sum += e.getValue()[which] - (before == null ? 0 : before[which]);
        }
        return sum;
    }

    /** The sum of the heap pools' peaks since {@link #start()}. */
    public static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Per thread id: allocated bytes and CPU nanoseconds. */
    private static Map<Long, long[]> clientThreads() {
        Map<Long, long[]> counters = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            // the local server's request threads and the JDK HttpServer's dispatcher
            if (name.startsWith("local-scenario-") || name.startsWith("HTTP-Dispatcher")) {
                continue;
            }
            long allocated = THREADS.getThreadAllocatedBytes(t.getId());
            long cpu = THREADS.getThreadCpuTime(t.getId());
            if (allocated >= 0 && cpu >= 0) {
                counters.put(t.getId(), new long[] {allocated, cpu});
            }
        }
        return counters;
    }
}
