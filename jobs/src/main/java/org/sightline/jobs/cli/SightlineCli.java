package org.sightline.jobs.cli;

import org.sightline.engine.io.UnreadableInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sightline} command line: one subcommand per stage. Exit codes: 0 ok, 2 unusable input or arguments, 1 failure. */
@Command(
        name = "sightline",
        mixinStandardHelpOptions = true,
        versionProvider = SightlineCli.Version.class,
        description = {
            "Sightline: what a city's registered cameras can really see, where it is blind at its crime"
                    + " hotspots, and whom to recruit next.",
            "",
            "Coordinates are WGS84 lon/lat unless a file says otherwise. Every command that reads layers writes"
                    + " DIR/rejects/<layer>.csv and DIR/summary.json.",
            "Exit codes: 0 ok, 2 unusable input or arguments, 1 failure."
        },
        footer = {
            "",
            "The dispatcher service runs separately (no Spark on its class path):",
            "  serve      sightline serve --demo --port N | --config service.yaml   (sightline serve --help)",
            "  audit      sightline audit verify --data DIR                         (checks the audit hash chain)"
        },
        subcommands = {
            GenerateCommand.class,
            ValidateCommand.class,
            ViewshedsCommand.class,
            CoverageCommand.class,
            HotspotsCommand.class,
            GapsCommand.class,
            OutreachCommand.class,
            DispatchCommand.class,
            RunCommand.class,
            DemoCommand.class,
            SqlCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SightlineCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SightlineCli());
        cli.setUsageHelpAutoWidth(true);
        cli.setUsageHelpLongOptionsMaxWidth(28);
        cli.setExitCodeExceptionMapper(SightlineCli::exitCodeOf);
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("sightline: " + ex.getMessage());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parseResult) -> {
            int code = exitCodeOf(ex);
            c.getErr().println("sightline " + c.getCommandName() + ": " + messageOf(ex));
            if (code == FAILURE && Boolean.getBoolean("sightline.debug")) ex.printStackTrace(c.getErr());
            else if (code == FAILURE) c.getErr().println("(run with -Dsightline.debug=true for the stack trace)");
            return code;
        });
        return cli;
    }

    static int exitCodeOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnreadableInputException || c instanceof IllegalArgumentException) return BAD_INPUT;
        }
        return FAILURE;
    }

    static String messageOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnreadableInputException || c instanceof IllegalArgumentException) return c.getMessage();
        }
        return t.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SightlineCli.class.getPackage().getImplementationVersion();
            return new String[] {"sightline " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
