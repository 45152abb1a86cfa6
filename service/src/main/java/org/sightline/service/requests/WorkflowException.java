package org.sightline.service.requests;

/** A footage-request operation refused; the HTTP edge maps {@link #kind()} to a status. */
public final class WorkflowException extends RuntimeException {
    public enum Kind {
        INVALID,
        NOT_FOUND,
        FORBIDDEN,
        GONE
    }

    private final Kind kind;

    public WorkflowException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
