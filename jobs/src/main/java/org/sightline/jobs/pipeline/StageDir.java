package org.sightline.jobs.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A stage's output folder written atomically: the stage writes into a hidden temporary sibling, which
 * replaces {@code OUT/<stage>} by a rename only when the stage succeeded. A failed stage leaves the
 * previous folder (and every other stage's) as it was.
 */
final class StageDir {
    private final Path target;
    private final Path temp;

    StageDir(Path out, String stage) {
        this.target = out.resolve(stage);
        this.temp = out.resolve("." + stage + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + temp, e);
        }
    }

    Path dir() {
        return temp;
    }

    Path target() {
        return target;
    }

    /** Replaces the stage folder with what was written. */
    void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + temp + " to " + target, e);
        }
    }

    /** Drops what a failed stage wrote. */
    void abandon() {
        delete(temp);
    }

    static void delete(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
