package org.sightline.service;

import org.sightline.engine.io.UnreadableInputException;
import org.sightline.service.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The service's command line ({@code sightline serve}, {@code sightline audit verify}): its own main
 * class on the service's class path, which has no Spark. Exit codes: 0 ok, 2 unusable input or
 * arguments, 1 failure (including a tampered audit log).
 */
@Command(
        name = "sightline",
        mixinStandardHelpOptions = true,
        description =
                "Sightline service: the dispatcher API, footage requests with owner consent, the audit log, the map.",
        subcommands = {ServeCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class ServiceCli implements Runnable {
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
        int code = execute(args);
        if (code != OK || !ServeCommand.serving) System.exit(code);
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new ServiceCli());
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
            return code;
        });
        return cli.execute(args);
    }

    static int exitCodeOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StoreException) return FAILURE;
            if (c instanceof UnreadableInputException || c instanceof IllegalArgumentException) return BAD_INPUT;
        }
        return FAILURE;
    }

    static String messageOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnreadableInputException
                    || c instanceof IllegalArgumentException
                    || c instanceof StoreException) return c.getMessage();
        }
        return t.toString();
    }
}
