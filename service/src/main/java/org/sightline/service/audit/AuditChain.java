package org.sightline.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit log's hash chain: {@code hash(n) = SHA-256(prev_hash || canonical(entry n))} with
 * {@code prev_hash} as its 32 raw bytes ({@link #GENESIS} = 32 zero bytes for the first entry) and
 * the canonical entry as UTF-8 lines {@code seq, at_ms, actor, role, action, target, outcome,
 * detail}, each text field with {@code \} and newlines escaped. Editing, inserting, deleting or
 * reordering any entry breaks every later hash.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String canonical(long seq, AuditEntry e) {
        return seq + "\n" + e.atMs() + "\n" + esc(e.actor()) + "\n" + esc(e.role()) + "\n" + esc(e.action()) + "\n"
                + esc(e.target()) + "\n" + e.outcome() + "\n" + esc(e.detail());
    }

    public static String hash(String prevHashHex, long seq, AuditEntry e, MessageDigest sha256) {
        sha256.reset();
        sha256.update(HexFormat.of().parseHex(prevHashHex));
        return HexFormat.of().formatHex(sha256.digest(canonical(seq, e).getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
