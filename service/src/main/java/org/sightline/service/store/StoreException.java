package org.sightline.service.store;

/** The store failed (I/O, SQL): a 500 at the HTTP edge, exit code 1 on the command line. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
