package org.sightline.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sightline.service.TestStore;
import org.sightline.service.store.Database;
import org.sightline.service.store.Migrations;

/**
 * Random sessions of the audit log against a plain model (the list of every entry in the order it
 * was appended): plain entries and entries with store actions that succeed or fail, small journal
 * segments (rotation and deletion), and between sessions what a SIGKILL can leave behind: the table
 * behind the journal and a torn last record. Afterwards the table must hold exactly the model, its
 * chain recomputed by a reference written here, and verify as intact with the journal.
 */
@ParameterizedClass
@EnumSource(TestStore.class)
class AuditLogRandomizedTest {
    @Parameter
    TestStore kind;

    @TempDir
    Path dir;

    @Test
    void randomSessionsKeepEveryEntryInOrder() throws Exception {
        long seed = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        String msg = "seed " + seed + "L (" + kind + ")";
        TestStore.Location store = kind.create(dir);
        Path journal = AuditLog.journalDir(dir);
        List<AuditEntry> model = new ArrayList<>(); // entry seq k at index k - 1
        int sessions = 2 + rnd.nextInt(4);
        for (int s = 0; s < sessions; s++) {
            try (Database db = store.open()) {
                Migrations.apply(db);
                long segment = 300 + rnd.nextInt(3000);
                try (AuditLog log = new AuditLog(db, journal, rnd.nextBoolean(), segment)) {
                    int n = rnd.nextInt(400);
                    List<CompletableFuture<Long>> futures = new ArrayList<>();
                    List<Boolean> fails = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        AuditEntry e = randomEntry(rnd, model.size());
                        int kindOf = rnd.nextInt(10);
                        if (kindOf == 0) {
                            model.add(e);
                            futures.add(log.appendDurably(e, c -> {}));
                            fails.add(false);
                        } else if (kindOf == 1) {
                            model.add(new AuditEntry(
                                    e.atMs(), e.actor(), e.role(), e.action(), e.target(), 500, "failed: no"));
                            futures.add(log.appendDurably(e, c -> {
                                throw new SQLException("no");
                            }));
                            fails.add(true);
                        } else {
                            model.add(e);
                            futures.add(log.append(e));
                            fails.add(false);
                        }
                        if (rnd.nextInt(50) == 0) log.flush();
                    }
                    long first = model.size() - n + 1;
                    for (int i = 0; i < n; i++) {
                        if (fails.get(i)) {
                            CompletableFuture<Long> f = futures.get(i);
                            assertThatThrownBy(f::join).as(msg).hasMessageContaining("store action failed");
                        } else {
                            assertThat(futures.get(i).join()).as(msg).isEqualTo(first + i);
                        }
                    }
                }
            } catch (CompletionException e) {
                throw new AssertionError(msg, e);
            }
            crashDamage(rnd, store, journal, model.size());
        }
        try (Database db = store.open()) {
            try (AuditLog log = new AuditLog(db, journal, false)) {
                log.flush();
                assertThat(AuditVerifier.verify(db, journal).intact()).as(msg).isTrue();
                assertThat(AuditVerifier.verify(db, journal).entries()).as(msg).isEqualTo(model.size());
            }
            List<String[]> rows = db.with(c -> {
                List<String[]> out = new ArrayList<>();
                try (var r = c.createStatement()
                        .executeQuery("SELECT seq, at_ms, actor, role, action, target, outcome, detail, prev_hash,"
                                + " hash FROM audit_log ORDER BY seq")) {
                    while (r.next()) {
                        String[] row = new String[10];
                        for (int i = 0; i < 10; i++) row[i] = r.getString(i + 1);
                        out.add(row);
                    }
                }
                return out;
            });
            assertThat(rows).as(msg).hasSize(model.size());
            byte[] prev = new byte[32];
            for (int i = 0; i < model.size(); i++) {
                String[] row = rows.get(i);
                AuditEntry e = model.get(i);
                String[] want = {
                    Long.toString(i + 1),
                    Long.toString(e.atMs()),
                    e.actor(),
                    e.role(),
                    e.action(),
                    e.target(),
                    Integer.toString(e.outcome()),
                    e.detail()
                };
                assertThat(Arrays.copyOf(row, 8)).as(msg + ", seq " + (i + 1)).containsExactly(want);
                assertThat(row[8]).as(msg).isEqualTo(HexFormat.of().formatHex(prev));
                byte[] h = referenceHash(prev, want);
                assertThat(row[9])
                        .as(msg + ", seq " + (i + 1))
                        .isEqualTo(HexFormat.of().formatHex(h));
                prev = h;
            }
        }
    }

    /** SHA-256 of the previous hash's bytes and the fields joined by newlines (none here need escaping). */
    static byte[] referenceHash(byte[] prev, String[] fields) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(prev);
        return d.digest(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
    }

    static AuditEntry randomEntry(SplittableRandom rnd, int i) {
        String[] actors = {"tok_a", "tok_b", "anonymous", "system", "tok_ü"};
        return new AuditEntry(
                1_700_000_000_000L + i * 7L + rnd.nextInt(5),
                actors[rnd.nextInt(actors.length)],
                rnd.nextBoolean() ? "dispatcher" : "",
                "GET /api/suggest",
                "lat=" + rnd.nextInt(90) + "&lon=-" + rnd.nextInt(180) + "&q=" + "é".repeat(rnd.nextInt(4)),
                rnd.nextBoolean() ? 200 : 403,
                rnd.nextInt(4) == 0 ? "x".repeat(rnd.nextInt(300)) : "");
    }

    /**
     * What a SIGKILL can leave: the newest entries only in the journal (the table behind), and half
     * of a record the writer was still writing (never acknowledged, so not in the model).
     */
    static void crashDamage(SplittableRandom rnd, TestStore.Location store, Path journal, int entries)
            throws IOException {
        List<Path> segments = AuditJournal.segmentFiles(journal);
        long firstInJournal = Long.MAX_VALUE;
        for (Path p : segments) {
            List<AuditJournal.Record> r = AuditJournal.readSegment(p).records();
            if (!r.isEmpty()) firstInJournal = Math.min(firstInJournal, r.get(0).seq());
        }
        if (firstInJournal <= entries && rnd.nextBoolean()) {
            long keep = firstInJournal - 1 + rnd.nextLong(entries - firstInJournal + 2);
            try (Database db = store.open()) {
                db.with(c -> c.createStatement().executeUpdate("DELETE FROM audit_log WHERE seq > " + keep));
            }
        }
        if (!segments.isEmpty() && rnd.nextBoolean()) {
            Path last = segments.get(segments.size() - 1);
            byte[] p = AuditJournal.encode(new AuditJournal.Record(
                    entries + 1, randomEntry(rnd, entries), AuditChain.GENESIS, AuditChain.GENESIS));
            byte[] framed = java.nio.ByteBuffer.allocate(8 + p.length)
                    .putInt(p.length)
                    .putInt(12345)
                    .put(p)
                    .array();
            byte[] torn = Arrays.copyOf(framed, 1 + rnd.nextInt(framed.length - 1));
            Files.write(last, torn, java.nio.file.StandardOpenOption.APPEND);
        }
    }
}
