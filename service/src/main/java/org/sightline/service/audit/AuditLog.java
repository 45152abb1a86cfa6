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
 * entries; the writer takes everything queued (up to {@value #MAX_BATCH}), chains the hashes
 * ({@link AuditChain}), inserts them with one batched statement and commits once. Reads stay cheap:
 * {@link #append} only enqueues; plain entries wait at most {@value #LINGER_MS} ms for company, so
 * under load a commit carries hundreds of entries (a crash can lose the plain entries of those last
 * milliseconds, never a durable one).
 *
 * <p>A {@linkplain #appendDurably durable} entry carries a store action (e.g. inserting a footage
 * request and its outbox message) that runs in the same transaction as the entry, inside a
 * savepoint; its future completes only after the commit, so a handler that waits for it answers 2xx
 * only once both the action and its audit entry are on disk. If the action fails, it is rolled back
 * to its savepoint, the entry is recorded with outcome 500, and the future fails.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_BATCH = 4096;
    static final long LINGER_MS = 20;

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

    /** Enqueues an entry; it is committed with the next batch (within milliseconds). */
    public void append(AuditEntry e) {
        enqueue(new Item(e, null, null));
    }

    /**
     * Enqueues an entry with a store action for the same transaction; the future completes with the
     * entry's sequence number after the commit, or exceptionally if the action or the commit failed.
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
            linger(batch);
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

    /**
     * While the batch holds only plain entries (nobody waits for them), keeps collecting for up to
     * {@value #LINGER_MS} ms: fewer, larger commits. A durable item, a flush or a stop ends it at once.
     */
    private void linger(List<Item> batch) {
        long end = System.nanoTime() + LINGER_MS * 1_000_000L;
        int checked = 0;
        while (batch.size() < MAX_BATCH) {
            for (; checked < batch.size(); checked++) {
                Item it = batch.get(checked);
                if (it.done() != null || it == STOP) return;
            }
            long left = end - System.nanoTime();
            if (left <= 0) return;
            Item it;
            try {
                it = queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (it == null) return;
            batch.add(it);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void writeBatch(List<Item> batch) {
        if (batch.isEmpty()) return;
        long seq0 = lastSeq;
        String hash0 = lastHash;
        List<Item> failed = new ArrayList<>();
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO audit_log(seq, at_ms, actor, role, action,"
                + " target, outcome, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            long seq = seq0;
            String prev = hash0;
            for (Item it : batch) {
                if (it.entry() == null) continue;
                AuditEntry e = it.entry();
                if (it.action() != null) {
                    Savepoint sp = conn.setSavepoint();
                    try {
                        it.action().run(conn);
                        conn.releaseSavepoint(sp);
                    } catch (SQLException | RuntimeException ex) {
                        conn.rollback(sp);
                        failed.add(it);
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
            ins.executeBatch();
            conn.commit();
            written.addAndGet(seq - seq0);
            lastSeq = seq;
            lastHash = prev;
            seq = seq0;
            for (Item it : batch) {
                if (it.entry() != null) seq++;
                if (it.done() == null) continue;
                if (failed.contains(it))
                    it.done().completeExceptionally(new StoreException("store action failed", null));
                else it.done().complete(it.entry() == null ? lastSeq : seq);
            }
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
