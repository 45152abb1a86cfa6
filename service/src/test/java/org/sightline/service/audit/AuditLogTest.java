package org.sightline.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.service.ServiceCli;
import org.sightline.service.store.Database;
import org.sightline.service.store.Migrations;

class AuditLogTest {
    static AuditEntry entry(int i) {
        return new AuditEntry(
                1_700_000_000_000L + i, "tok_" + i % 3, "dispatcher", "GET /api/suggest", "lat=35&lon=-80", 200, "");
    }

    static void fill(Path dir, int n) {
        try (Database db = Database.h2(dir)) {
            Migrations.apply(db);
            try (AuditLog log = new AuditLog(db)) {
                List<CompletableFuture<Long>> durable = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (i % 100 == 0) durable.add(log.appendDurably(entry(i), c -> {}));
                    else log.append(entry(i));
                }
                durable.forEach(CompletableFuture::join);
            }
        }
    }

    static void sql(Path dir, String statement) {
        try (Database db = Database.h2(dir)) {
            db.with(c -> c.createStatement().executeUpdate(statement));
        }
    }

    static String verify(Path dir, int expectedExit) {
        StringWriter out = new StringWriter();
        var cli = new picocli.CommandLine(new ServiceCli());
        cli.setOut(new PrintWriter(out, true));
        int code = cli.execute("audit", "verify", "--data", dir.toString());
        assertThat(code).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void anIntactChainVerifiesAndSurvivesReopening(@TempDir Path dir) {
        fill(dir, 1000);
        fill(dir, 500); // the second writer continues the chain from the stored head
        assertThat(verify(dir, 0)).contains("audit log intact: 1,500 entries");
    }

    @Test
    void anEditedEntryIsDetected(@TempDir Path dir) {
        fill(dir, 300);
        sql(dir, "UPDATE audit_log SET outcome = 403 WHERE seq = 137");
        assertThat(verify(dir, 1)).contains("entry 137 was altered").contains("verifies up to entry 136");
    }

    @Test
    void aDeletedEntryIsDetected(@TempDir Path dir) {
        fill(dir, 300);
        sql(dir, "DELETE FROM audit_log WHERE seq = 42");
        assertThat(verify(dir, 1)).contains("entry 42 is missing");
    }

    @Test
    void anEntryRewrittenWithItsOwnHashRecomputedStillBreaksTheNextLink(@TempDir Path dir) {
        fill(dir, 50);
        AuditEntry e9 = entry(9); // stored as seq 10
        AuditEntry forged =
                new AuditEntry(e9.atMs(), e9.actor(), e9.role(), e9.action(), "x", e9.outcome(), e9.detail());
        try (Database db = Database.h2(dir)) {
            String prev = db.with(c -> {
                var r = c.createStatement().executeQuery("SELECT hash FROM audit_log WHERE seq = 9");
                r.next();
                return r.getString(1);
            });
            String h = AuditChain.hash(prev, 10, forged, AuditChain.sha256());
            db.with(c -> c.createStatement()
                    .executeUpdate("UPDATE audit_log SET target = 'x', hash = '" + h + "' WHERE seq = 10"));
        }
        assertThat(verify(dir, 1)).contains("entry 11 does not link to entry 10");
    }
}
