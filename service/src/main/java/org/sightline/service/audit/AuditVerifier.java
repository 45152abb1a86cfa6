package org.sightline.service.audit;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.sightline.service.store.Database;

/**
 * Re-computes the audit log's hash chain from the first entry and reports the first entry that does
 * not match: an edited entry (its hash), a deleted or inserted one (sequence gap or a broken link),
 * a reordered one. Deleting entries from the end cannot be told from a shorter log by the chain
 * alone: compare the reported head hash with one recorded elsewhere (the service logs it at start
 * and on shutdown).
 */
public final class AuditVerifier {
    private AuditVerifier() {}

    /** The outcome: how many entries were checked, the head, and the first problem if any. */
    public record Report(long entries, long headSeq, String headHash, Optional<String> problem) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }

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
