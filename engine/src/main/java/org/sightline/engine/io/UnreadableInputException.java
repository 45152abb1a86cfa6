package org.sightline.engine.io;

import java.nio.file.Path;

/**
 * A file that cannot be read at all (missing, not a CSV / GeoJSON, no usable columns). The CLI turns
 * it into one clear message naming the file and exit code 2. Bad rows are never this: they are
 * {@link Reject}s.
 */
public class UnreadableInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Path file;

    public UnreadableInputException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public UnreadableInputException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
