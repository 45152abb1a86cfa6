package org.sightline.service.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for personal data at rest: a random 96-bit nonce per value, a 128-bit tag, and associated
 * data naming where the value belongs (e.g. {@code cameras.owner_enc:CAM-00017}) so that a
 * ciphertext copied to another row or column fails to decrypt. Stored as base64 of nonce ||
 * ciphertext || tag. Thread-safe (a {@link Cipher} per call).
 */
public final class FieldCipher {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32)
            throw new IllegalArgumentException("an AES key has 16, 24 or 32 bytes, this one " + key.length);
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public String encrypt(String plaintext, String where) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(where.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + ct.length)
                            .put(nonce)
                            .put(ct)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the value was not encrypted with this key for {@code where} */
    public String decrypt(String stored, String where) {
        byte[] all = Base64.getDecoder().decode(stored);
        if (all.length < NONCE_BYTES + TAG_BITS / 8) throw new IllegalStateException("ciphertext too short");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(where.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "cannot decrypt " + where + ": wrong key or the value was altered or moved", e);
        }
    }
}
