package org.sightline.service.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.service.store.Database;

/**
 * Re-computes the audit log's hash chain from the first entry and reports the first entry that does
 * not match: an edited entry (its hash), a deleted or inserted one (sequence gap or a broken link),
 * a reordered one. Deleting entries from the end cannot be told from a shorter log by the chain
 * alone: compare the reported head hash with one recorded elsewhere (the service logs it at start
 * and on shutdown). {@link #verify(Database, Path)} also checks the {@linkplain AuditJournal journal}:
 * its records must continue the table's chain, and those the table already holds must be the same.
 */
public final class AuditVerifier {
    private AuditVerifier() {}

    /** The outcome: how many entries were checked, the head, and the first problem if any. */
    public record Report(long entries, long headSeq, String headHash, Optional<String> problem) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }

    /**
     * Verifies the table, then the journal in {@code journalDir} against it: every record intact
     * (checksum), in sequence, linked, its hash recomputed, equal to the table's entry where the table
     * has it. A record cut off at the very end of the newest segment (the process died while writing
     * it; it was never acknowledged) is not a problem.
     */
    public static Report verify(Database db, Path journalDir) {
        // the journal first: a segment deleted meanwhile was copied before, so the table read next has it
        List<AuditJournal.Segment> segments;
        try {
            segments = AuditJournal.read(journalDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit journal in " + journalDir, e);
        }
        Report table = verify(db);
        if (!table.intact()) return table;
        List<AuditJournal.Record> records = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            AuditJournal.Segment s = segments.get(i);
            records.addAll(s.records());
            if (!s.intact() && (i < segments.size() - 1 || !s.tornTail()))
                return broken(
                        table.entries(),
                        table.headSeq(),
                        table.headHash(),
                        "the journal segment " + s.file().getFileName() + " is damaged: " + s.damage());
        }
        if (records.isEmpty()) return table;
        long first = records.get(0).seq();
        Map<Long, String> stored = db.with(c -> {
            Map<Long, String> m = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT seq, hash FROM audit_log WHERE seq >= ?")) {
                p.setLong(1, first - 1);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) m.put(r.getLong(1), r.getString(2));
                }
            }
            return m;
        });
        MessageDigest sha = AuditChain.sha256();
        long headSeq = table.headSeq();
        String head = table.headHash();
        long prevSeq = -1;
        String prevHash = null;
        for (AuditJournal.Record r : records) {
            long seq = r.seq();
            if (prevSeq >= 0 && seq != prevSeq + 1)
                return broken(
                        headSeq, headSeq, head, "journal entry " + (prevSeq + 1) + " is missing (next is " + seq + ")");
            if (prevSeq < 0 && seq > table.headSeq() + 1)
                return broken(
                        headSeq,
                        headSeq,
                        head,
                        "entry " + (table.headSeq() + 1) + " is missing (the journal starts at " + seq + ")");
            String expectedPrev =
                    seq == 1 ? AuditChain.GENESIS : seq - 1 <= table.headSeq() ? stored.get(seq - 1) : prevHash;
            if (!r.prevHash().equals(expectedPrev))
                return broken(headSeq, headSeq, head, "journal entry " + seq + " does not link to entry " + (seq - 1));
            String h = AuditChain.hash(expectedPrev, seq, r.entry(), sha);
            if (!h.equals(r.hash()))
                return broken(
                        headSeq, headSeq, head, "journal entry " + seq + " was altered (its hash does not match)");
            if (seq <= table.headSeq() && !h.equals(stored.get(seq)))
                return broken(
                        headSeq, headSeq, head, "journal entry " + seq + " differs from the table's entry " + seq);
            if (seq > headSeq) {
                headSeq = seq;
                head = h;
            }
            prevSeq = seq;
            prevHash = h;
        }
        return new Report(headSeq, headSeq, head, Optional.empty());
    }

    /** Verifies the {@code audit_log} table alone. */
    public static Report verify(Database db) {
        return db.with(c -> {
            MessageDigest sha = AuditChain.sha256();
            long n = 0, expectedSeq = 1;
            String prev = AuditChain.GENESIS;
            // PostgreSQL streams with a fetch size only inside a transaction; in auto-commit mode it
            // would read the whole log into memory. (Database.with rolls back and restores auto-commit.)
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("SELECT seq, at_ms, actor, role, action, target, outcome,"
                    + " detail, prev_hash, hash FROM audit_log ORDER BY seq")) {
                p.setFetchSize(10_000);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        long seq = r.getLong(1);
                        AuditEntry e = new AuditEntry(
                                r.getLong(2),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6),
                                r.getInt(7),
                                r.getString(8));
                        String storedPrev = r.getString(9), stored = r.getString(10);
                        if (seq != expectedSeq)
                            return broken(
                                    n,
                                    expectedSeq - 1,
                                    prev,
                                    "entry " + expectedSeq + " is missing (next is " + seq + ")");
                        if (!prev.equals(storedPrev))
                            return broken(n, seq - 1, prev, "entry " + seq + " does not link to entry " + (seq - 1));
                        String h = AuditChain.hash(prev, seq, e, sha);
                        if (!h.equals(stored))
                            return broken(n, seq - 1, prev, "entry " + seq + " was altered (its hash does not match)");
                        prev = h;
                        n++;
                        expectedSeq++;
                    }
                }
            }
            return new Report(n, n, prev, Optional.empty());
        });
    }

    private static Report broken(long n, long headSeq, String head, String problem) {
        return new Report(n, headSeq, head, Optional.of(problem));
    }
}
