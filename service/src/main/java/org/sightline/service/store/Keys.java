package org.sightline.service.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Where the AES key comes from: the environment variable {@value #ENV} (base64), else the key file
 * named in the configuration (base64 text). Without either the service refuses to start; only demo
 * mode creates a key.
 */
public final class Keys {
    public static final String ENV = "SIGHTLINE_KEY";

    private Keys() {}

    /** Thrown when no usable key is configured: the one message the operator sees. */
    public static final class MissingKeyException extends IllegalArgumentException {
        MissingKeyException(String message) {
            super(message);
        }
    }

    public static byte[] load(Map<String, String> env, Optional<Path> keyFile) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return decode(fromEnv, "environment variable " + ENV);
        if (keyFile.isPresent()) {
            Path f = keyFile.get();
            try {
                return decode(Files.readString(f, StandardCharsets.US_ASCII), "key file " + f);
            } catch (IOException e) {
                throw new MissingKeyException("cannot read the key file " + f + ": " + e.getMessage());
            }
        }
        throw new MissingKeyException("no encryption key: the service encrypts owners' personal data and will not"
                + " start without a key. Set " + ENV + " to a base64 AES-256 key (e.g. `openssl rand -base64 32`)"
                + " or name a file holding one with key_file: in the config. (Only serve --demo creates a key.)");
    }

    private static byte[] decode(String text, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new MissingKeyException("the " + where + " is not base64: " + e.getMessage());
        }
        if (k.length != 16 && k.length != 24 && k.length != 32)
            throw new MissingKeyException("the " + where + " holds " + k.length
                    + " bytes; an AES key has 16, 24 or 32 (use `openssl rand -base64 32`)");
        return k;
    }

    /** The demo key in {@code file}: read when present, else created (random 256 bits, mode 0600). */
    public static Created demoKey(Path file) {
        try {
            if (Files.exists(file)) return new Created(decode(Files.readString(file), "demo key file " + file), false);
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(k) + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Created(k, true);
        } catch (IOException e) {
            throw new StoreException("cannot write the demo key " + file + ": " + e.getMessage(), e);
        }
    }

    public record Created(byte[] key, boolean created) {}
}
