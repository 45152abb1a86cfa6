package org.sightline.engine.io;

/** A row or feature that cannot be used; the message is the reject reason. Carries no stack trace. */
final class RowRejected extends Exception {
    private static final long serialVersionUID = 1L;

    RowRejected(String reason) {
        super(reason, null, false, false);
    }
}
