package dev.perfkit.examples.demo;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The planted memory leak ({@link DemoIssue#MEMORY_LEAK}): a "cache" of every response body sent,
 * never read and never evicted. Disabled, it keeps nothing.
 */
final class ResponseCache {

    private final boolean enabled;
    private final Queue<byte[]> bodies = new ConcurrentLinkedQueue<>();
    private final AtomicLong retainedBytes = new AtomicLong();

    ResponseCache(boolean enabled) {
        this.enabled = enabled;
    }

    void keep(byte[] body) {
        if (enabled) {
            bodies.add(body.clone());
            retainedBytes.addAndGet(body.length);
        }
    }

    /** Returns the body bytes held (the arrays' contents, not their headers or the queue's nodes). */
    long retainedBytes() {
        return retainedBytes.get();
    }
}
