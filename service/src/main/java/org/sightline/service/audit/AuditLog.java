package org.sightline.service.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.sightline.service.store.Database;
import org.sightline.service.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log: a write-ahead {@linkplain AuditJournal journal} file in front of the
 * {@code audit_log} table. Request threads enqueue entries and wait; one writer thread takes
 * everything queued (up to {@value #MAX_BATCH}), chains the hashes ({@link AuditChain}), appends the
 * records to the journal with one write (and one {@code force} if {@linkplain #AuditLog fsync} is on)
 * and only then completes the entries' futures. So an entry is on disk before its future completes,
 * and the requests that queued up during one write share the next, without a timer. A second thread
 * copies the written records into the {@code audit_log} table in large transactions, off the request
 * path; at start, journal records missing from the table (the service was killed before they were
 * copied) are inserted, then the old journal segments are deleted. The table is always a prefix of
 * the chain; the journal holds its newest part.
 *
 * <p>A {@linkplain #appendDurably durable} entry carries a store action (e.g. inserting a footage
 * request and its outbox message) that runs in one transaction with the entry's row, inside a
 * savepoint; the writer first writes the journal and waits until the table has every earlier entry,
 * so the table stays gap-free. If the action fails, it is rolled back to its savepoint, the entry is
 * recorded with outcome 500, and the future fails. If the transaction cannot be committed, its
 * futures fail and the chain continues from the entry before it. If the journal cannot be written,
 * the log refuses every later entry (no answer leaves without its entry).
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_BATCH = 4096;
    static final int COPY_BATCH = 10_000;
    static final int COPY_LINGER_MS = 200;
    private static final String INSERT = "INSERT INTO audit_log(seq, at_ms, actor, role, action, target, outcome,"
            + " detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)";

    /** Work done in the writer's transaction together with an entry. */
    @FunctionalInterface
    public interface StoreAction {
        void run(Connection c) throws SQLException;
    }

    private record Item(AuditEntry entry, StoreAction action, CompletableFuture<Long> done) {}

    /** For the copier: a record to insert (or already inserted, {@code inTable}), or a flush marker. */
    private record Copy(AuditJournal.Record record, boolean inTable, CompletableFuture<Long> done) {}

    private static final Item STOP = new Item(null, null, null);
    private static final Copy COPY_STOP = new Copy(null, false, null);

    private final Database db;
    private final Path journalDir;
    private final Connection conn;
    private final Connection copyConn;
    private final AuditJournal journal;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>(1 << 20);
    private final BlockingQueue<Copy> copyQueue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Thread copier;
    private final MessageDigest sha = AuditChain.sha256();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong copied = new AtomicLong();
    // writer thread only
    private final List<Item> waiting = new ArrayList<>();
    private final List<Long> waitingSeq = new ArrayList<>();
    private final List<Copy> toCopy = new ArrayList<>();
    private long lastSeq;
    private String lastHash;
    private volatile Throwable broken;
    private volatile boolean closed;

    /** The journal directory of a data directory. */
    public static Path journalDir(Path dataDir) {
        return dataDir.resolve("audit-journal");
    }

    /**
     * Opens the log of {@code db} with its journal in {@code journalDir}: copies the journal records
     * the table lacks, continues the chain from its head. With {@code fsync} every group write is
     * forced to the device (survives a power cut); without, it is written to the operating system
     * (survives the process being killed, like H2's {@code WRITE_DELAY=0}).
     */
    public AuditLog(Database db, Path journalDir, boolean fsync) {
        this(db, journalDir, fsync, AuditJournal.SEGMENT_BYTES);
    }

    /** As above, with journal segments of about {@code segmentBytes} (tests use small ones). */
    AuditLog(Database db, Path journalDir, boolean fsync, long segmentBytes) {
        this.db = db;
        this.journalDir = journalDir;
        List<Connection> opened = new ArrayList<>();
        try {
            this.conn = db.open();
            opened.add(conn);
            conn.setAutoCommit(false);
            this.copyConn = db.open();
            opened.add(copyConn);
            copyConn.setAutoCommit(false);
            loadHead();
            long recovered = recover();
            if (recovered > 0) {
                LOG.info("audit log: {} journal entries copied into the table at start", recovered);
                loadHead();
            }
            this.journal = new AuditJournal(journalDir, lastSeq + 1, fsync, segmentBytes);
        } catch (SQLException | IOException | RuntimeException e) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // failing anyway
                }
            }
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof IOException)
                throw new StoreException("cannot read the audit journal in " + journalDir + ": " + e.getMessage(), e);
            throw new StoreException("cannot open the audit log: " + e.getMessage(), e);
        }
        copied.set(lastSeq);
        this.writer = new Thread(this::run, "audit-writer");
        writer.setDaemon(true);
        this.copier = new Thread(this::copyLoop, "audit-copier");
        copier.setDaemon(true);
        writer.start();
        copier.start();
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
     * Inserts the journal's records beyond the table's head, cuts a torn tail (the last record of the
     * last segment, half written when the process died), then deletes the old segments. Refuses a
     * journal damaged elsewhere or disagreeing with the table: that is evidence to keep.
     */
    private long recover() throws SQLException, IOException {
        List<Path> files = AuditJournal.segmentFiles(journalDir);
        if (files.isEmpty()) return 0;
        List<AuditJournal.Record> records = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            AuditJournal.Segment s = AuditJournal.readSegment(files.get(i));
            if (!s.intact()) {
                if (i < files.size() - 1 || !s.tornTail())
                    throw new StoreException(
                            "the audit journal segment " + s.file() + " is damaged (" + s.damage()
                                    + "); run 'sightline audit verify' and keep the file as evidence",
                            null);
                LOG.warn("audit journal {}: dropping a torn tail ({})", s.file(), s.damage());
                AuditJournal.truncate(s.file(), s.validBytes());
            }
            records.addAll(s.records());
        }
        long inserted = 0;
        if (!records.isEmpty()) {
            Map<Long, String> table = new HashMap<>();
            try (PreparedStatement p = conn.prepareStatement("SELECT seq, hash FROM audit_log WHERE seq >= ?")) {
                p.setLong(1, records.get(0).seq());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) table.put(r.getLong(1), r.getString(2));
                }
            }
            try (PreparedStatement ins = conn.prepareStatement(INSERT)) {
                for (AuditJournal.Record r : records) {
                    String stored = table.get(r.seq());
                    if (stored != null) {
                        if (!stored.equals(r.hash()))
                            throw new StoreException(
                                    "audit journal entry " + r.seq() + " differs from the table's; run 'sightline"
                                            + " audit verify' and keep " + journalDir + " as evidence",
                                    null);
                    } else if (r.seq() > lastSeq) {
                        bind(ins, r);
                        ins.addBatch();
                        inserted++;
                    }
                }
                if (inserted > 0) ins.executeBatch();
            }
            conn.commit();
        }
        for (Path f : files) Files.delete(f);
        return inserted;
    }

    /**
     * Enqueues an entry; the future completes with its sequence number once it is written to the
     * journal (with the next group write), or exceptionally if that write failed.
     */
    public CompletableFuture<Long> append(AuditEntry e) {
        return appendDurably(e, null);
    }

    /**
     * Enqueues an entry with a store action (may be {@code null}) for the same transaction; the
     * future completes with the entry's sequence number once it is durable, or exceptionally if the
     * action or the commit failed.
     */
    public CompletableFuture<Long> appendDurably(AuditEntry e, StoreAction action) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        enqueue(new Item(e, action, f));
        return f;
    }

    /** Waits until everything enqueued before this call is written and copied into the table. */
    public void flush() {
        CompletableFuture<Long> f = new CompletableFuture<>();
        enqueue(new Item(null, null, f));
        f.join();
    }

    /** Entries written since this log was opened. */
    public long written() {
        return written.get();
    }

    /** Group writes to the journal since this log was opened (entries per write = written / commits). */
    public long commits() {
        return writes.get();
    }

    /** The directory of the journal. */
    public Path journalDir() {
        return journalDir;
    }

    private void enqueue(Item item) {
        if (closed) throw new StoreException("the audit log is closed", null);
        if (broken != null) throw new StoreException("the audit journal cannot be written", broken);
        try {
            queue.put(item);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while queueing an audit entry", ex);
        }
    }

    // ---- the writer ----

    private void run() {
        List<Item> batch = new ArrayList<>();
        try {
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
                    try {
                        journal.close();
                    } catch (IOException e) {
                        LOG.error("closing the audit journal failed: {}", e.toString());
                    }
                    return;
                }
            }
        } finally {
            copyQueue.add(COPY_STOP);
        }
    }

    private void writeBatch(List<Item> batch) {
        int i = 0;
        while (i < batch.size()) {
            Item it = batch.get(i);
            if (broken != null) {
                if (it.done() != null)
                    it.done().completeExceptionally(new StoreException("the audit journal cannot be written", broken));
                i++;
            } else if (it.action() != null) {
                int j = i;
                while (j < batch.size() && batch.get(j).action() != null) j++;
                writeJournal();
                runActions(batch.subList(i, j));
                i = j;
            } else if (it.entry() == null) {
                toCopy.add(new Copy(null, false, it.done())); // a flush: done once copied
                i++;
            } else {
                AuditJournal.Record r = chain(it.entry());
                journal.add(r);
                toCopy.add(new Copy(r, false, null));
                waiting.add(it);
                waitingSeq.add(r.seq());
                i++;
            }
        }
        writeJournal();
    }

    private AuditJournal.Record chain(AuditEntry e) {
        long seq = lastSeq + 1;
        String h = AuditChain.hash(lastHash, seq, e, sha);
        AuditJournal.Record r = new AuditJournal.Record(seq, e, lastHash, h);
        lastSeq = seq;
        lastHash = h;
        return r;
    }

    /** Writes the pending records, completes their futures, hands them to the copier. */
    private void writeJournal() {
        if (broken == null && journal.pending()) {
            try {
                journal.write();
                writes.incrementAndGet();
                written.addAndGet(waiting.size());
            } catch (IOException | RuntimeException e) {
                LOG.error("writing the audit journal failed; refusing every later entry: {}", e.toString());
                broken = e;
            }
        }
        for (int k = 0; k < waiting.size(); k++) {
            if (broken != null)
                waiting.get(k)
                        .done()
                        .completeExceptionally(new StoreException("the audit journal cannot be written", broken));
            else waiting.get(k).done().complete(waitingSeq.get(k));
        }
        waiting.clear();
        waitingSeq.clear();
        copyQueue.addAll(toCopy);
        toCopy.clear();
    }

    /**
     * One transaction for a run of entries with store actions, after the table has caught up with
     * every earlier entry; their records go to the journal afterwards.
     */
    private void runActions(List<Item> run) {
        CompletableFuture<Long> caughtUp = new CompletableFuture<>();
        copyQueue.add(new Copy(null, false, caughtUp));
        String why = null;
        try {
            caughtUp.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        } catch (ExecutionException | TimeoutException e) {
            why = "the audit table is behind: " + e;
        }
        if (why != null) {
            for (Item it : run) it.done().completeExceptionally(new StoreException(why, null));
            return;
        }
        long seq0 = lastSeq;
        String hash0 = lastHash;
        List<AuditJournal.Record> records = new ArrayList<>();
        boolean[] failed = new boolean[run.size()];
        try (PreparedStatement ins = conn.prepareStatement(INSERT)) {
            for (int i = 0; i < run.size(); i++) {
                Item it = run.get(i);
                AuditEntry e = it.entry();
                Savepoint sp = conn.setSavepoint();
                try {
                    it.action().run(conn);
                    conn.releaseSavepoint(sp);
                } catch (SQLException | RuntimeException ex) {
                    conn.rollback(sp);
                    failed[i] = true;
                    e = new AuditEntry(
                            e.atMs(), e.actor(), e.role(), e.action(), e.target(), 500, "failed: " + ex.getMessage());
                }
                AuditJournal.Record r = chain(e);
                bind(ins, r);
                ins.addBatch();
                records.add(r);
            }
            ins.executeBatch();
            conn.commit();
        } catch (SQLException | RuntimeException ex) {
            LOG.error("audit transaction of {} entries failed: {}", run.size(), ex.toString());
            try {
                conn.rollback();
            } catch (SQLException again) {
                LOG.error("audit log rollback failed: {}", again.toString());
            }
            lastSeq = seq0;
            lastHash = hash0;
            for (Item it : run) it.done().completeExceptionally(new StoreException("audit write failed", ex));
            return;
        }
        written.addAndGet(run.size());
        for (int i = 0; i < run.size(); i++) {
            AuditJournal.Record r = records.get(i);
            journal.add(r); // written with the next group write; the table has it already
            toCopy.add(new Copy(r, true, null));
            if (failed[i]) run.get(i).done().completeExceptionally(new StoreException("store action failed", null));
            else run.get(i).done().complete(r.seq());
        }
    }

    private static void bind(PreparedStatement ins, AuditJournal.Record r) throws SQLException {
        AuditEntry e = r.entry();
        ins.setLong(1, r.seq());
        ins.setLong(2, e.atMs());
        ins.setString(3, e.actor());
        ins.setString(4, e.role());
        ins.setString(5, e.action());
        ins.setString(6, e.target());
        ins.setInt(7, e.outcome());
        ins.setString(8, e.detail());
        ins.setString(9, r.prevHash());
        ins.setString(10, r.hash());
    }

    // ---- the copier ----

    private void copyLoop() {
        List<Copy> batch = new ArrayList<>();
        while (true) {
            try {
                gather(batch);
            } catch (InterruptedException e) {
                return;
            }
            boolean stop = batch.remove(COPY_STOP);
            copy(batch, stop);
            batch.clear();
            if (stop) {
                copyQueue.drainTo(batch);
                batch.remove(COPY_STOP);
                copy(batch, true);
                return;
            }
        }
    }

    /**
     * Takes the next records, lingering up to {@value #COPY_LINGER_MS} ms for more unless someone
     * waits for the copy (a flush, a store action) or the batch is full: an H2 commit costs about as
     * much as a few hundred row inserts, so few large transactions keep the copy cheap.
     */
    private void gather(List<Copy> batch) throws InterruptedException {
        Copy c = copyQueue.take();
        batch.add(c);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COPY_LINGER_MS);
        while (c.done() == null && c != COPY_STOP && batch.size() < COPY_BATCH) {
            long left = deadline - System.nanoTime();
            if (left <= 0) break;
            c = copyQueue.poll(left, TimeUnit.NANOSECONDS);
            if (c == null) break;
            batch.add(c);
        }
        copyQueue.drainTo(batch, Math.max(0, COPY_BATCH - batch.size()));
    }

    private void copy(List<Copy> batch, boolean stopping) {
        long max = copied.get();
        for (int attempt = 1; ; attempt++) {
            try (PreparedStatement ins = copyConn.prepareStatement(INSERT)) {
                int n = 0;
                for (Copy c : batch) {
                    if (c.record() == null) continue;
                    max = Math.max(max, c.record().seq());
                    if (c.inTable()) continue;
                    bind(ins, c.record());
                    ins.addBatch();
                    n++;
                }
                if (n > 0) ins.executeBatch();
                copyConn.commit();
                break;
            } catch (SQLException | RuntimeException e) {
                try {
                    copyConn.rollback();
                } catch (SQLException ignored) {
                    // reported below
                }
                LOG.error("copying {} audit entries into the table failed (attempt {}): {}", batch.size(), attempt, e);
                if (stopping && attempt >= 3) {
                    for (Copy c : batch)
                        if (c.done() != null)
                            c.done().completeExceptionally(new StoreException("audit copy failed", e));
                    return; // the journal keeps them; the next start copies them
                }
                try {
                    Thread.sleep(Math.min(5_000, 100L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        copied.set(max);
        try {
            journal.deleteCopied(max);
        } catch (RuntimeException e) {
            LOG.error("deleting copied audit journal segments failed: {}", e.toString());
        }
        for (Copy c : batch) if (c.done() != null) c.done().complete(max);
    }

    /** Writes what is queued, copies it into the table, then stops both threads. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(STOP);
        try {
            writer.join(30_000);
            copier.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : List.of(conn, copyConn)) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    Database database() {
        return db;
    }
}
