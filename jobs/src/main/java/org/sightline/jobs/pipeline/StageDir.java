package org.sightline.jobs.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stage's output folder written atomically: the stage writes into a hidden temporary sibling, which
 * replaces {@code OUT/<stage>} by a rename only when the stage succeeded. A failed stage leaves the
 * previous folder (and every other stage's) as it was.
 *
 * <p>A killed run cannot clean up after itself, so a new one does, before it writes: it deletes the
 * temporary folders of this stage left by processes that no longer run (they hold a half-written
 * result, at 10× several GB), and a previous folder set aside by a commit that was killed between
 * its two renames is put back if the stage folder is missing (else deleted), unless another live run
 * of the stage is writing.
 */
final class StageDir {
    private final Path target;
    private final Path temp;

    StageDir(Path out, String stage) {
        this.target = out.resolve(stage);
        sweep(out, stage);
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

    /** Removes what killed runs left of this stage (see the class comment). */
    static void sweep(Path out, String stage) {
        if (!Files.isDirectory(out)) return;
        String tmp = "." + stage + ".tmp-", old = "." + stage + ".old-";
        Path target = out.resolve(stage);
        try (Stream<Path> s = Files.list(out)) {
            boolean another = false; // another run of this stage is writing: its commit may be under way
            List<Path> aside = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(tmp)) {
                    if (running(name.substring(tmp.length()))) another = true;
                    else delete(p);
                } else if (name.startsWith(old)) aside.add(p);
            }
            for (Path p : another ? List.<Path>of() : aside) {
                if (Files.exists(target)) delete(p);
                else Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + out, e);
        }
    }

    /** Whether the process of a temporary folder's suffix "PID-NANOS" still runs (unparsable: yes, keep it). */
    private static boolean running(String suffix) {
        int dash = suffix.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? suffix : suffix.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
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
