package org.sightline.service.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sightline.engine.model.Camera;
import org.sightline.engine.model.Owner;

/**
 * The camera registry in the store: what the footage-request workflow needs per camera, with the
 * owner's personal data encrypted ({@link FieldCipher}, bound to {@code cameras.owner_enc:<id>}).
 * Owner data leaves the registry only through {@link #owner}, which only the workflow calls.
 */
public final class Registry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final FieldCipher cipher;

    public Registry(Database db, FieldCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Adds the cameras the store does not hold yet; returns how many were added. */
    public int importNew(List<Camera> cameras) {
        return db.inTransaction(c -> {
            Set<String> known = new HashSet<>();
            try (PreparedStatement p = c.prepareStatement("SELECT camera_id FROM cameras");
                    ResultSet r = p.executeQuery()) {
                while (r.next()) known.add(r.getString(1));
            }
            int n = 0;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cameras(camera_id, kind, live_feed,"
                    + " retention_days, active, owner_enc) VALUES (?,?,?,?,?,?)")) {
                for (Camera cam : cameras) {
                    if (!known.add(cam.id())) continue;
                    p.setString(1, cam.id());
                    p.setString(2, cam.kind().code());
                    p.setBoolean(3, cam.liveFeed());
                    p.setInt(4, cam.retentionDays());
                    p.setBoolean(5, cam.active());
                    p.setString(6, cam.owner().isEmpty() ? null : encryptOwner(cam.id(), cam.owner()));
                    p.addBatch();
                    n++;
                }
                p.executeBatch();
            }
            return n;
        });
    }

    private String encryptOwner(String cameraId, Owner o) {
        try {
            String json = JSON.writeValueAsString(Map.of("name", o.name(), "phone", o.phone(), "email", o.email()));
            return cipher.encrypt(json, where(cameraId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The owner of a camera, decrypted (empty when the registry holds none). */
    public Optional<Owner> owner(String cameraId) {
        String enc = db.with(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT owner_enc FROM cameras WHERE camera_id = ?")) {
                p.setString(1, cameraId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
        if (enc == null) return Optional.empty();
        try {
            Map<?, ?> m = JSON.readValue(cipher.decrypt(enc, where(cameraId)), Map.class);
            return Optional.of(new Owner((String) m.get("name"), (String) m.get("phone"), (String) m.get("email")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("owner record of " + cameraId + " is not JSON", e);
        }
    }

    static String where(String cameraId) {
        return "cameras.owner_enc:" + cameraId;
    }
}
