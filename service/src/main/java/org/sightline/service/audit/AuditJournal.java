package org.sightline.service.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The audit log's write-ahead journal: append-only segment files {@code <first seq>.journal} in one
 * directory, written only by the audit writer. A record is {@code int length, int crc32c(payload),
 * payload} with the payload {@code seq, at_ms, outcome, prev_hash, hash, actor, role, action, target,
 * detail} (hashes as 64 hex digits, texts as length-prefixed UTF-8), so a record cut off by a crash
 * (the last one of the last segment) is recognised and dropped at the next start, and a damaged
 * record anywhere else is reported. A new segment starts when the current one passes {@link
 * #SEGMENT_BYTES}; closed segments whose records are all in the {@code audit_log} table are deleted.
 */
public final class AuditJournal implements AutoCloseable {
    /** Size after which the writer starts a new segment (≈ 70,000 entries of the dispatch API). */
    static final long SEGMENT_BYTES = 16L << 20;

    private static final String SUFFIX = ".journal";
    private static final int MAX_RECORD = 1 << 16;

    /** One journal record: an entry with its place in the hash chain. */
    public record Record(long seq, AuditEntry entry, String prevHash, String hash) {}

    /** What a segment holds: its records and, if its end is not a whole record, the offset where it stops. */
    record Segment(Path file, List<Record> records, long validBytes, String damage, boolean tornTail) {
        boolean intact() {
            return damage == null;
        }
    }

    private record Closed(Path file, long lastSeq) {}

    private final Path dir;
    private final boolean fsync;
    private final long segmentBytes;
    private final ConcurrentLinkedDeque<Closed> closed = new ConcurrentLinkedDeque<>();
    private FileChannel current;
    private Path currentFile;
    private long currentLastSeq;
    private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);

    /**
     * Opens the journal for appending with a new segment whose first record will be {@code nextSeq}
     * (the caller has copied and deleted the segments of the previous run).
     */
    AuditJournal(Path dir, long nextSeq, boolean fsync, long segmentBytes) {
        this.dir = dir;
        this.fsync = fsync;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit journal in " + dir, e);
        }
        startSegment(nextSeq);
    }

    /** Whether each group write is forced to the device ({@code fdatasync}) before it counts as written. */
    boolean fsync() {
        return fsync;
    }

    /** Adds a record to the pending group write. */
    void add(Record r) {
        byte[] payload = encode(r);
        if (buf.remaining() < payload.length + 8) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + payload.length + 8));
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        CRC32C crc = new CRC32C();
        crc.update(payload);
        buf.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        currentLastSeq = r.seq();
    }

    /** Whether records are waiting for {@link #write}. */
    boolean pending() {
        return buf.position() > 0;
    }

    /**
     * Writes the pending records with one write (and one {@code force} when fsync is on); when this
     * returns they survive the process being killed. Starts a new segment after a full one.
     */
    void write() throws IOException {
        if (buf.position() == 0) return;
        buf.flip();
        while (buf.hasRemaining()) current.write(buf);
        buf.clear();
        if (fsync) current.force(false);
        if (current.size() >= segmentBytes) {
            current.close();
            closed.add(new Closed(currentFile, currentLastSeq));
            startSegment(currentLastSeq + 1);
        }
    }

    /** Deletes the closed segments whose records are all at or below {@code copiedSeq}. */
    void deleteCopied(long copiedSeq) {
        for (Closed c : closed) {
            if (c.lastSeq() <= copiedSeq) {
                try {
                    Files.deleteIfExists(c.file());
                    closed.remove(c);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete the audit journal segment " + c.file(), e);
                }
            }
        }
    }

    private void startSegment(long firstSeq) {
        currentFile = dir.resolve(String.format(Locale.ROOT, "%020d%s", firstSeq, SUFFIX));
        currentLastSeq = firstSeq - 1;
        try {
            current = FileChannel.open(
                    currentFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (fsync) {
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true); // the new file's directory entry
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit journal segment " + currentFile, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (buf.position() > 0) write();
        current.close();
    }

    // ---- reading ----

    /** The segment files of a journal directory, oldest first (none if it does not exist). */
    static List<Path> segmentFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    /** The intact records of every segment of {@code dir}, oldest first (what survives a crash). */
    public static List<Record> records(Path dir) throws IOException {
        List<Record> out = new ArrayList<>();
        for (Segment s : read(dir)) out.addAll(s.records());
        return out;
    }

    /** Reads every segment of {@code dir}, oldest first, without changing anything. */
    static List<Segment> read(Path dir) throws IOException {
        List<Segment> out = new ArrayList<>();
        for (Path p : segmentFiles(dir)) {
            try {
                out.add(readSegment(p));
            } catch (NoSuchFileException copiedAndDeleted) {
                // the copier removed it after listing: its records are in the table
            }
        }
        return out;
    }

    /**
     * Reads one segment. Reading stops at the first record that is not whole and intact: {@code
     * damage} says why, {@code validBytes} is where the intact records end.
     */
    static Segment readSegment(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        List<Record> records = new ArrayList<>();
        String damage = null;
        boolean torn = false;
        while (b.hasRemaining()) {
            int at = b.position();
            if (b.remaining() < 8) {
                damage = "a record header cut off at byte " + at;
                break;
            }
            int len = b.getInt();
            int crc = b.getInt();
            if (len <= 0 || len > MAX_RECORD || len > b.remaining()) {
                damage = "a record cut off or with a bad length at byte " + at;
                b.position(at);
                break;
            }
            byte[] payload = new byte[len];
            b.get(payload);
            CRC32C c = new CRC32C();
            c.update(payload);
            if ((int) c.getValue() != crc) {
                damage = "a record with a bad checksum at byte " + at;
                b.position(at);
                break;
            }
            try {
                records.add(decode(payload));
            } catch (RuntimeException malformed) {
                damage = "a malformed record at byte " + at;
                b.position(at);
                break;
            }
        }
        long valid = damage == null ? b.limit() : b.position();
        // a torn tail: nothing intact after the damage (a damaged record followed by intact ones is not)
        if (damage != null) torn = !intactRecordAfter(b.array(), (int) valid);
        return new Segment(file, records, valid, damage, torn);
    }

    /** Whether an intact record starts anywhere after byte {@code at}. */
    private static boolean intactRecordAfter(byte[] a, int at) {
        ByteBuffer b = ByteBuffer.wrap(a);
        for (int o = at + 1; o + 8 < a.length; o++) {
            int len = b.getInt(o);
            if (len <= 0 || len > MAX_RECORD || len > a.length - o - 8) continue;
            CRC32C c = new CRC32C();
            c.update(a, o + 8, len);
            if ((int) c.getValue() == b.getInt(o + 4)) return true;
        }
        return false;
    }

    /** Cuts a segment back to its intact records (a torn tail after a crash). */
    static void truncate(Path file, long validBytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(validBytes);
            ch.force(true);
        }
    }

    // ---- encoding ----

    static byte[] encode(Record r) {
        AuditEntry e = r.entry();
        byte[][] texts = {
            utf8(e.actor()),
            utf8(e.role()),
            utf8(e.action()),
            utf8(e.target()),
            utf8(e.detail()),
            ascii(r.prevHash()),
            ascii(r.hash())
        };
        int n = 8 + 8 + 4;
        for (byte[] t : texts) n += 4 + t.length;
        ByteBuffer b = ByteBuffer.allocate(n);
        b.putLong(r.seq()).putLong(e.atMs()).putInt(e.outcome());
        for (byte[] t : texts) b.putInt(t.length).put(t);
        return b.array();
    }

    static Record decode(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload);
        long seq = b.getLong();
        long at = b.getLong();
        int outcome = b.getInt();
        String[] t = new String[7];
        for (int i = 0; i < t.length; i++) {
            int len = b.getInt();
            if (len < 0 || len > b.remaining()) throw new IllegalStateException("malformed audit journal record");
            t[i] = new String(payload, b.position(), len, StandardCharsets.UTF_8);
            b.position(b.position() + len);
        }
        return new Record(seq, new AuditEntry(at, t[0], t[1], t[2], t[3], outcome, t[4]), t[5], t[6]);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
