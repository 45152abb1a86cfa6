package org.sightline.service.audit;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.sightline.service.store.Database;
import org.sightline.service.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log, written by one thread with group commit: request threads enqueue
 * entries and wait; the writer takes everything queued (up to {@value #MAX_BATCH}), chains the hashes
 * ({@link AuditChain}), inserts them with one batched statement, commits once and only then
 * completes the entries' futures. So an entry is on disk before its future completes, and the
 * requests that queued up while one commit was running share the next: under load a commit carries
 * as many entries as there are requests in flight, without a timer.
 *
 * <p>A {@linkplain #appendDurably durable} entry also carries a store action (e.g. inserting a
 * footage request and its outbox message) that runs in the same transaction as the entry, inside a
 * savepoint. If the action fails, it is rolled back to its savepoint, the entry is recorded with
 * outcome 500, and the future fails. If the batch cannot be committed, every future in it fails.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_BATCH = 4096;

    /** Work done in the writer's transaction together with an entry. */
    @FunctionalInterface
    public interface StoreAction {
        void run(Connection c) throws SQLException;
    }

    private record Item(AuditEntry entry, StoreAction action, CompletableFuture<Long> done) {}

    private static final Item STOP = new Item(null, null, null);

    private final Database db;
    private final Connection conn;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>(1 << 20);
    private final Thread writer;
    private final MessageDigest sha = AuditChain.sha256();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private long lastSeq;
    private String lastHash;
    private volatile boolean closed;

    public AuditLog(Database db) {
        this.db = db;
        try {
            this.conn = db.open();
            conn.setAutoCommit(false);
            loadHead();
        } catch (SQLException e) {
            throw new StoreException("cannot open the audit log: " + e.getMessage(), e);
        }
        this.writer = new Thread(this::run, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void loadHead() throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet r = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            if (r.next()) {
                lastSeq = r.getLong(1);
                lastHash = r.getString(2);
            } else {
                lastSeq = 0;
                lastHash = AuditChain.GENESIS;
            }
        }
        conn.commit();
    }

    /**
     * Enqueues an entry; the future completes with its sequence number once it is committed (with
     * the next batch), or exceptionally if that commit failed.
     */
    public CompletableFuture<Long> append(AuditEntry e) {
        return appendDurably(e, null);
    }

    /**
     * Enqueues an entry with a store action (may be {@code null}) for the same transaction; the
     * future completes with the entry's sequence number after the commit, or exceptionally if the
     * action or the commit failed.
     */
    public CompletableFuture<Long> appendDurably(AuditEntry e, StoreAction action) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        enqueue(new Item(e, action, f));
        return f;
    }

    /** Waits until everything enqueued before this call is committed. */
    public void flush() {
        CompletableFuture<Long> f = new CompletableFuture<>();
        enqueue(new Item(null, null, f));
        f.join();
    }

    /** Entries committed since this log was opened. */
    public long written() {
        return written.get();
    }

    /** Commits since this log was opened (entries per commit = written / commits). */
    public long commits() {
        return commits.get();
    }

    private void enqueue(Item item) {
        if (closed) throw new StoreException("the audit log is closed", null);
        try {
            queue.put(item);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while queueing an audit entry", ex);
        }
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            boolean stop = batch.remove(STOP);
            writeBatch(batch);
            batch.clear();
            if (stop) {
                queue.drainTo(batch);
                batch.remove(STOP);
                writeBatch(batch);
                return;
            }
        }
    }

    private void writeBatch(List<Item> batch) {
        if (batch.isEmpty()) return;
        long seq0 = lastSeq;
        String hash0 = lastHash;
        boolean[] failed = new boolean[batch.size()];
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO audit_log(seq, at_ms, actor, role, action,"
                + " target, outcome, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            long seq = seq0;
            String prev = hash0;
            for (int i = 0; i < batch.size(); i++) {
                Item it = batch.get(i);
                if (it.entry() == null) continue;
                AuditEntry e = it.entry();
                if (it.action() != null) {
                    Savepoint sp = conn.setSavepoint();
                    try {
                        it.action().run(conn);
                        conn.releaseSavepoint(sp);
                    } catch (SQLException | RuntimeException ex) {
                        conn.rollback(sp);
                        failed[i] = true;
                        e = new AuditEntry(
                                e.atMs(),
                                e.actor(),
                                e.role(),
                                e.action(),
                                e.target(),
                                500,
                                "failed: " + ex.getMessage());
                    }
                }
                seq++;
                String h = AuditChain.hash(prev, seq, e, sha);
                ins.setLong(1, seq);
                ins.setLong(2, e.atMs());
                ins.setString(3, e.actor());
                ins.setString(4, e.role());
                ins.setString(5, e.action());
                ins.setString(6, e.target());
                ins.setInt(7, e.outcome());
                ins.setString(8, e.detail());
                ins.setString(9, prev);
                ins.setString(10, h);
                ins.addBatch();
                prev = h;
            }
            if (seq > seq0) ins.executeBatch();
            conn.commit();
            commits.incrementAndGet();
            written.addAndGet(seq - seq0);
            lastSeq = seq;
            lastHash = prev;
        } catch (SQLException | RuntimeException ex) {
            LOG.error("audit batch of {} entries failed: {}", batch.size(), ex.toString());
            try {
                conn.rollback();
                loadHead();
            } catch (SQLException again) {
                LOG.error("audit log rollback failed: {}", again.toString());
            }
            for (Item it : batch) {
                if (it.done() != null) it.done().completeExceptionally(new StoreException("audit write failed", ex));
            }
            return;
        }
        long seq = seq0;
        for (int i = 0; i < batch.size(); i++) {
            Item it = batch.get(i);
            if (it.entry() != null) seq++;
            if (failed[i]) it.done().completeExceptionally(new StoreException("store action failed", null));
            else it.done().complete(it.entry() == null ? lastSeq : seq);
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(STOP);
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    Database database() {
        return db;
    }
}
