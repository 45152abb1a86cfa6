package org.sightline.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sightline.service.store.Database;

/**
 * API tokens: 32 random bytes, base64url, shown once when issued; the store keeps only their SHA-256
 * (hex) and the role. Valid tokens are cached by hash in memory, so authenticating a request costs
 * one SHA-256 and a map lookup.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Tokens::sha256Digest);

    private final Database db;
    private final ConcurrentHashMap<String, Principal> byHash = new ConcurrentHashMap<>();

    public Tokens(Database db) {
        this.db = db;
        db.with(c -> {
            try (PreparedStatement p = c.prepareStatement(
                            "SELECT token_hash, token_id, role, name FROM api_tokens WHERE revoked_at IS NULL");
                    ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    Role role = Role.parse(r.getString(3)).orElse(null);
                    if (role != null) byHash.put(r.getString(1), new Principal(r.getString(2), role, r.getString(4)));
                }
            }
            return null;
        });
    }

    /** A token and its record; the token itself is never stored. */
    public record Issued(String token, Principal principal) {}

    public Issued issue(Role role, String name) {
        String token = random(32);
        String id = "tok_" + random(9);
        String hash = sha256Hex(token);
        db.with(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO api_tokens(token_hash, token_id, role, name, created_at) VALUES (?,?,?,?,?)")) {
                p.setString(1, hash);
                p.setString(2, id);
                p.setString(3, role.code());
                p.setString(4, name);
                p.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                p.executeUpdate();
            }
            return null;
        });
        Principal principal = new Principal(id, role, name);
        byHash.put(hash, principal);
        return new Issued(token, principal);
    }

    /** Revokes every token issued under {@code name} (e.g. the previous demo tokens); returns how many. */
    public int revokeNamed(String name) {
        int n = db.with(c -> {
            try (PreparedStatement p =
                    c.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
                p.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                p.setString(2, name);
                return p.executeUpdate();
            }
        });
        byHash.values().removeIf(pr -> pr.name().equals(name));
        return n;
    }

    public boolean anyOf(Role role) {
        return byHash.values().stream().anyMatch(p -> p.role() == role);
    }

    /** The principal of a presented token, if it is valid. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) return Optional.empty();
        return Optional.ofNullable(byHash.get(sha256Hex(token)));
    }

    /** A random URL-safe string of {@code bytes} random bytes. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String sha256Hex(String s) {
        MessageDigest d = SHA256.get();
        d.reset();
        return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares two hex hashes in constant time. */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
