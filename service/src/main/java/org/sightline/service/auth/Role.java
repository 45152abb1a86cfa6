package org.sightline.service.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may do what. Dispatchers (police) see exact camera positions, rank cameras, request footage
 * and open live feeds; planners and analysts see aggregates and the map layers; admins manage tokens
 * and verify the audit log. Resident cameras are shown individually to dispatchers only.
 */
public enum Role {
    DISPATCHER,
    PLANNER,
    ANALYST,
    ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String s) {
        if (s == null) return Optional.empty();
        for (Role r : values()) if (r.code().equals(s.trim().toLowerCase(Locale.ROOT))) return Optional.of(r);
        return Optional.empty();
    }
}
