package org.sightline.service;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.audit.AuditVerifier;
import org.sightline.service.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sightline audit verify [--data DIR | --config F]}: re-computes the audit log's hash chain. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "The audit log.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Re-compute the hash chain of the audit log (the audit_log table and the journal in"
                        + " DATA_DIR/audit-journal) and report the first entry that was altered, removed, inserted or"
                        + " reordered. Exit 0 when intact, 1 when not.",
                "The embedded H2 store can be opened by one process at a time: stop the service first (or ask a"
                        + " running one: GET /api/admin/audit with an admin token)."
            })
    static final class Verify implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Source source;

        static final class Source {
            @Option(names = "--data", paramLabel = "DIR", description = "Data directory of an embedded (H2) store.")
            Path data;

            @Option(names = "--config", paramLabel = "F", description = "service.yaml naming the store.")
            Path config;
        }

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Database db;
            Path journal;
            if (source != null && source.config != null) {
                ServiceConfig cfg = ConfigFile.read(source.config);
                journal = AuditLog.journalDir(cfg.dataDir());
                db = cfg.database()
                        .map(d -> Database.of(
                                d.url(),
                                d.user().orElse(null),
                                d.passwordEnv().map(System::getenv).orElse(null)))
                        .orElseGet(() -> Database.h2(cfg.dataDir()));
            } else {
                Path dir = source == null ? ServeCommand.dataDir(null) : source.data;
                if (!java.nio.file.Files.isRegularFile(dir.resolve("sightline.mv.db")))
                    throw new IllegalArgumentException("no service store in " + dir + " (expected sightline.mv.db)");
                db = Database.h2(dir);
                journal = AuditLog.journalDir(dir);
            }
            try (db) {
                AuditVerifier.Report r = AuditVerifier.verify(db, journal);
                if (r.intact()) {
                    out.printf("audit log intact: %,d entries; head %d %s%n", r.entries(), r.headSeq(), r.headHash());
                    out.println("(removal of the newest entries is detectable only against a head recorded earlier)");
                    return ServiceCli.OK;
                }
                out.printf("audit log NOT intact: %s%n", r.problem().orElseThrow());
                out.printf("the chain verifies up to entry %d (%s)%n", r.headSeq(), r.headHash());
                return ServiceCli.FAILURE;
            }
        }
    }
}
