package org.sightline.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32C;
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

    Path journal() {
        return AuditLog.journalDir(dir);
    }

    void fill(int n) {
        try (Database db = store.open()) {
            Migrations.apply(db);
            try (AuditLog log = new AuditLog(db, journal(), kind == TestStore.POSTGRESQL)) {
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
            AuditVerifier.Report r = AuditVerifier.verify(db, journal());
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

    long tableRows() {
        try (Database db = store.open()) {
            return db.with(c -> {
                try (var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_log")) {
                    r.next();
                    return r.getLong(1);
                }
            });
        }
    }

    Path onlySegment() throws IOException {
        List<Path> files = AuditJournal.segmentFiles(journal());
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    @Test
    void entriesOnlyInTheJournalAreVerifiedAndCopiedAtTheNextStart() {
        fill(300);
        sql("DELETE FROM audit_log WHERE seq > 250"); // killed before the copier caught up
        assertThat(verify(0)).contains("audit log intact: 300 entries");
        fill(0);
        assertThat(tableRows()).isEqualTo(300);
        try (Database db = store.open()) {
            assertThat(AuditVerifier.verify(db).entries()).isEqualTo(300); // the table alone
        }
        fill(20);
        assertThat(verify(0)).contains("audit log intact: 320 entries");
    }

    @Test
    void anEditedJournalRecordIsDetected() throws IOException {
        fill(300);
        sql("DELETE FROM audit_log WHERE seq > 150");
        Path f = onlySegment();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AuditJournal.Record r : AuditJournal.readSegment(f).records()) {
            AuditEntry e = r.entry();
            if (r.seq() == 200) e = new AuditEntry(e.atMs(), e.actor(), e.role(), e.action(), "x", e.outcome(), "");
            byte[] p = AuditJournal.encode(new AuditJournal.Record(r.seq(), e, r.prevHash(), r.hash()));
            CRC32C crc = new CRC32C();
            crc.update(p);
            out.write(ByteBuffer.allocate(8)
                    .putInt(p.length)
                    .putInt((int) crc.getValue())
                    .array());
            out.write(p);
        }
        Files.write(f, out.toByteArray());
        assertThat(verify(1)).contains("journal entry 200 was altered");
    }

    @Test
    void aRewrittenHeadOfTheTableIsDetectedByTheJournal() {
        fill(100);
        AuditEntry e = entry(99); // stored as seq 100, the head: no later entry links to it
        AuditEntry forged = new AuditEntry(e.atMs(), e.actor(), e.role(), e.action(), "x", e.outcome(), e.detail());
        try (Database db = store.open()) {
            String prev = db.with(c -> {
                var r = c.createStatement().executeQuery("SELECT hash FROM audit_log WHERE seq = 99");
                r.next();
                return r.getString(1);
            });
            String h = AuditChain.hash(prev, 100, forged, AuditChain.sha256());
            db.with(c -> c.createStatement()
                    .executeUpdate("UPDATE audit_log SET target = 'x', hash = '" + h + "' WHERE seq = 100"));
            assertThat(AuditVerifier.verify(db).intact()).isTrue(); // the table alone cannot tell
        }
        assertThat(verify(1)).contains("journal entry 100 differs from the table's entry 100");
    }

    @Test
    void aDamagedJournalIsReportedAndNotOverwritten() throws IOException {
        fill(100);
        Path f = onlySegment();
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x40;
        Files.write(f, b);
        assertThat(verify(1)).contains("is damaged");
        assertThatThrownBy(() -> fill(1)).hasMessageContaining("is damaged");
        assertThat(Files.readAllBytes(f)).isEqualTo(b); // kept as evidence
    }

    @Test
    void aTornTailIsDroppedAtTheNextStart() throws IOException {
        fill(100);
        sql("DELETE FROM audit_log WHERE seq > 90");
        Path f = onlySegment();
        byte[] whole = Files.readAllBytes(f);
        int cut = whole.length - 7; // the last record, half written when the process was killed
        Files.write(f, java.util.Arrays.copyOf(whole, cut));
        assertThat(verify(0)).contains("audit log intact: 99 entries");
        fill(10);
        assertThat(verify(0)).contains("audit log intact: 109 entries");
        assertThat(tableRows()).isEqualTo(109);
    }
}
