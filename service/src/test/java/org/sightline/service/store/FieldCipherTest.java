package org.sightline.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
    final FieldCipher cipher = new FieldCipher(new byte[32]);

    @Test
    void roundTripsWithAFreshNoncePerValue() {
        String a = cipher.encrypt("Ann Owner, 555-0100", "cameras.owner_enc:CAM-1");
        String b = cipher.encrypt("Ann Owner, 555-0100", "cameras.owner_enc:CAM-1");
        assertThat(a).isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a)).hasSize(12 + 19 + 16);
        assertThat(cipher.decrypt(a, "cameras.owner_enc:CAM-1")).isEqualTo("Ann Owner, 555-0100");
    }

    @Test
    void aValueMovedToAnotherRowOrAlteredDoesNotDecrypt() {
        String a = cipher.encrypt("secret", "cameras.owner_enc:CAM-1");
        assertThatThrownBy(() -> cipher.decrypt(a, "cameras.owner_enc:CAM-2")).hasMessageContaining("cannot decrypt");
        byte[] raw = Base64.getDecoder().decode(a);
        raw[20] ^= 1;
        String altered = Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(altered, "cameras.owner_enc:CAM-1"))
                .hasMessageContaining("cannot decrypt");
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new FieldCipher(otherKey).decrypt(a, "cameras.owner_enc:CAM-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyTheServiceRefusesWithOneClearMessage() {
        assertThatThrownBy(() -> Keys.load(Map.of(), Optional.empty()))
                .isInstanceOf(Keys.MissingKeyException.class)
                .hasMessageContaining("no encryption key")
                .hasMessageContaining("SIGHTLINE_KEY")
                .hasMessageContaining("key_file");
        assertThatThrownBy(() -> Keys.load(Map.of("SIGHTLINE_KEY", "c2hvcnQ="), Optional.empty()))
                .hasMessageContaining("holds 5 bytes");
        assertThat(Keys.load(
                        Map.of("SIGHTLINE_KEY", Base64.getEncoder().encodeToString(new byte[32])), Optional.empty()))
                .hasSize(32);
    }
}
