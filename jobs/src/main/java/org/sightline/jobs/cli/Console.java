package org.sightline.jobs.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sightline.engine.city.Progress;

/**
 * What a command tells its user while it works: one line per stage with its duration, and a
 * progress bar for long stages when a terminal is attached (plain percentage lines otherwise, so
 * logs stay readable).
 */
final class Console {
    private final PrintWriter out;
    private final boolean terminal = System.console() != null;
    private final java.util.Set<String> done = new java.util.HashSet<>();

    Console(PrintWriter out) {
        this.out = out;
    }

    /** Runs a named stage step and prints its duration; a step already reported runs silently. */
    /** The console of a stage command, after a first line naming the command and its output folder. */
    static Console forCommand(picocli.CommandLine.Model.CommandSpec spec, java.nio.file.Path out) {
        Console c = new Console(spec.commandLine().getOut());
        c.line("sightline %s → %s", spec.name(), out);
        return c;
    }

    <T> T step(String name, Supplier<T> work) {
        if (done.contains(name)) return work.get(); // e.g. "viewsheds" again: cached by the City
        long t0 = System.nanoTime();
        if (!terminal) {
            out.printf(Locale.ROOT, "  %-28s ...%n", name);
            out.flush();
        }
        T result = work.get();
        done.add(name);
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "  %-28s %8.2f s%n", name, s);
        out.flush();
        return result;
    }

    void step(String name, Runnable work) {
        step(name, () -> {
            work.run();
            return null;
        });
    }

    /** A progress sink for the engine: a bar on a terminal, a line per 25 % otherwise. */
    Progress progress() {
        return new Progress() {
            private ProgressBar bar;
            private int lastQuarter = -1;

            @Override
            public synchronized void update(String stage, long done, long total) {
                if (terminal) {
                    if (bar == null) {
                        bar = new ProgressBarBuilder()
                                .setTaskName("  " + stage)
                                .setInitialMax(total)
                                .setStyle(ProgressBarStyle.ASCII)
                                .continuousUpdate()
                                .build();
                    }
                    bar.stepTo(done);
                    if (done >= total) {
                        bar.close();
                        bar = null;
                    }
                } else {
                    int q = (int) (4 * done / Math.max(1, total));
                    if (q != lastQuarter) {
                        lastQuarter = q;
                        out.printf(
                                Locale.ROOT,
                                "    %s %d/%d (%d%%)%n",
                                stage,
                                done,
                                total,
                                100 * done / Math.max(1, total));
                        out.flush();
                    }
                }
            }
        };
    }

    void line(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }
}
