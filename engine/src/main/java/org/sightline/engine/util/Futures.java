package org.sightline.engine.util;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to other threads. */
public final class Futures {
    private Futures() {}

    /**
     * The task's result; its unchecked exception (or error) is rethrown as it was thrown, so callers
     * see the same exception as if they had done the work themselves (a checked one is wrapped).
     *
     * @param what what is waited for, for the message of an interruption ("reading the layers")
     */
    public static <T> T join(Future<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c.getMessage(), c);
        }
    }
}
