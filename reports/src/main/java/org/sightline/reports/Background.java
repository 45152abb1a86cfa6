package org.sightline.reports;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.sightline.engine.util.Futures;

/**
 * The threads a report uses for independent work: reading layers ahead of need, drawing maps,
 * writing HTML and PDF side by side. As many as the machine's cores (at least two); daemon threads,
 * so an unfinished prefetch never keeps the JVM alive. Tasks never wait on tasks queued behind them.
 */
final class Background {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL =
            Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "sightline-report-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private Background() {}

    static <T> Future<T> submit(Callable<T> task) {
        return POOL.submit(task);
    }

    /** The task's result; its unchecked exception (or error) is rethrown as it was thrown. */
    static <T> T join(Future<T> f) {
        return Futures.join(f, "waiting for report work");
    }
}
