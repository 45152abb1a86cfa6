package org.sightline.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.service.ServiceCli;
import org.sightline.service.TestStore;
import org.sightline.service.store.Database;
import org.sightline.service.store.Migrations;

/**
 * The hash chain against both stores: written by {@link AuditLog}, reopened, tampered with in SQL,
 * verified by {@code sightline audit verify} (H2, whose file the CLI opens) or {@link AuditVerifier}
 * directly (PostgreSQL; the CLI reaches it only through a full service.yaml).
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class AuditLogTest {
    @Parameter
    TestStore kind;

    @TempDir
    Path dir;

    TestStore.Location store;

    @BeforeEach
    void create() {
        store = kind.create(dir);
    }

    static AuditEntry entry(int i) {
        return new AuditEntry(
                1_700_000_000_000L + i, "tok_" + i % 3, "dispatcher", "GET /api/suggest", "lat=35&lon=-80", 200, "");
    }

    void fill(int n) {
        try (Database db = store.open()) {
            Migrations.apply(db);
            try (AuditLog log = new AuditLog(db)) {
                List<CompletableFuture<Long>> all = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (i % 100 == 0) all.add(log.appendDurably(entry(i), c -> {}));
                    else all.add(log.append(entry(i)));
                }
                all.forEach(CompletableFuture::join);
            }
        }
    }

    void sql(String statement) {
        try (Database db = store.open()) {
            db.with(c -> c.createStatement().executeUpdate(statement));
        }
    }

    String verify(int expectedExit) {
        if (kind == TestStore.H2) {
            StringWriter out = new StringWriter();
            var cli = new picocli.CommandLine(new ServiceCli());
            cli.setOut(new PrintWriter(out, true));
            int code = cli.execute("audit", "verify", "--data", dir.toString());
            assertThat(code).as(out.toString()).isEqualTo(expectedExit);
            return out.toString();
        }
        try (Database db = store.open()) {
            AuditVerifier.Report r = AuditVerifier.verify(db);
            assertThat(r.intact() ? 0 : 1).as(r.toString()).isEqualTo(expectedExit);
            return r.intact()
                    ? String.format("audit log intact: %,d entries", r.entries())
                    : r.problem().orElseThrow() + "; the chain verifies up to entry " + r.headSeq();
        }
    }

    @Test
    void anIntactChainVerifiesAndSurvivesReopening() {
        fill(1000);
        fill(500); // the second writer continues the chain from the stored head
        assertThat(verify(0)).contains("audit log intact: 1,500 entries");
    }

    @Test
    void anEditedEntryIsDetected() {
        fill(300);
        sql("UPDATE audit_log SET outcome = 403 WHERE seq = 137");
        assertThat(verify(1)).contains("entry 137 was altered").contains("verifies up to entry 136");
    }

    @Test
    void aDeletedEntryIsDetected() {
        fill(300);
        sql("DELETE FROM audit_log WHERE seq = 42");
        assertThat(verify(1)).contains("entry 42 is missing");
    }

    @Test
    void anEntryRewrittenWithItsOwnHashRecomputedStillBreaksTheNextLink() {
        fill(50);
        AuditEntry e9 = entry(9); // stored as seq 10
        AuditEntry forged =
                new AuditEntry(e9.atMs(), e9.actor(), e9.role(), e9.action(), "x", e9.outcome(), e9.detail());
        try (Database db = store.open()) {
            String prev = db.with(c -> {
                var r = c.createStatement().executeQuery("SELECT hash FROM audit_log WHERE seq = 9");
                r.next();
                return r.getString(1);
            });
            String h = AuditChain.hash(prev, 10, forged, AuditChain.sha256());
            db.with(c -> c.createStatement()
                    .executeUpdate("UPDATE audit_log SET target = 'x', hash = '" + h + "' WHERE seq = 10"));
        }
        assertThat(verify(1)).contains("entry 11 does not link to entry 10");
    }
}
