package org.sightline.service.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One schema for H2 and PostgreSQL: plain SQL files {@code db/migration/V<n>__<name>.sql} on the
 * class path, listed in {@code db/migration/index.txt} and applied in order, each recorded in
 * {@code schema_version}. A file is applied once; an applied version is never edited (add a new one).
 */
public final class Migrations {
    private static final String DIR = "db/migration/";

    private Migrations() {}

    /** A migration file: version and name from {@code V<version>__<name>.sql}. */
    public record Migration(int version, String name, String sql) {}

    /** Applies the pending migrations; returns how many were applied. */
    public static int apply(Database db) {
        return db.with(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                        + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = current(c);
            int applied = 0;
            for (Migration m : all()) {
                if (m.version() <= current) continue;
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (String stmt : statements(m.sql())) s.execute(stmt);
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO schema_version(version, name, applied_at) VALUES (?,?,?)")) {
                        p.setInt(1, m.version());
                        p.setString(2, m.name());
                        p.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                        p.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw new SQLException(
                            "migration V" + m.version() + "__" + m.name() + " failed: " + e.getMessage(), e);
                } finally {
                    c.setAutoCommit(true);
                }
                applied++;
            }
            return applied;
        });
    }

    /** The highest applied version, 0 for a new store. */
    public static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Every migration on the class path, in version order. */
    public static List<Migration> all() {
        List<Migration> out = new ArrayList<>();
        int expected = 1;
        for (String file : read(DIR + "index.txt").split("\n")) {
            file = file.trim();
            if (file.isEmpty() || file.startsWith("#")) continue;
            var m = java.util.regex.Pattern.compile("V(\\d+)__(\\w+)\\.sql").matcher(file);
            if (!m.matches()) throw new IllegalStateException("bad migration file name " + file);
            int v = Integer.parseInt(m.group(1));
            if (v != expected) throw new IllegalStateException("migration " + file + ": expected version " + expected);
            expected++;
            out.add(new Migration(v, m.group(2), read(DIR + file)));
        }
        return out;
    }

    /** Statements of a file: separated by {@code ;} at the end of a line; {@code --} comments dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            String l = line.strip();
            if (l.startsWith("--") || l.isEmpty()) continue;
            int comment = l.indexOf(" --");
            if (comment >= 0) l = l.substring(0, comment).strip();
            cur.append(l).append('\n');
            if (l.endsWith(";")) {
                String s = cur.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
