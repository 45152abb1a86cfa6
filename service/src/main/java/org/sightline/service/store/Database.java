package org.sightline.service.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The service store: an embedded H2 file under the data directory by default, or PostgreSQL/PostGIS
 * when configured. A small fixed pool of JDBC connections; the audit writer holds one of its own.
 *
 * <p>H2 is opened with {@code WRITE_DELAY=0}: every commit is written to the database file before
 * {@code commit()} returns, so a commit survives the process being killed (SIGKILL). It is not
 * fsynced, so a power failure can still lose the last commits; PostgreSQL (fsync on commit) is the
 * production store.
 */
public final class Database implements AutoCloseable {
    /** The SQL dialects the migrations are written for (plain SQL common to both). */
    public enum Dialect {
        H2,
        POSTGRESQL
    }

    private final String url;
    private final Properties props;
    private final Dialect dialect;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    private Database(String url, Properties props, Dialect dialect, int poolSize) {
        this.url = url;
        this.props = props;
        this.dialect = dialect;
        this.idle = new ArrayBlockingQueue<>(poolSize);
        try {
            for (int i = 0; i < poolSize; i++) {
                Connection c = open();
                all.add(c);
                idle.add(c);
            }
        } catch (SQLException e) {
            closeAll();
            throw new StoreException("cannot open the store at " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    /** The embedded H2 store {@code dir/sightline.mv.db} (the directory is created if needed). */
    public static Database h2(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("sightline") + ";WRITE_DELAY=0";
        return new Database(url, new Properties(), Dialect.H2, 8);
    }

    /** Any JDBC URL: {@code jdbc:postgresql://...} or {@code jdbc:h2:...}. */
    public static Database of(String url, String user, String password) {
        Properties p = new Properties();
        if (user != null) p.setProperty("user", user);
        if (password != null) p.setProperty("password", password);
        Dialect d = url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.H2;
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:"))
            throw new IllegalArgumentException(
                    "database url must start with jdbc:postgresql: or jdbc:h2:, was " + redacted(url));
        return new Database(url, p, d, 8);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A new connection outside the pool (the caller closes it). */
    public Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url, props);
        c.setAutoCommit(true);
        return c;
    }

    /** Work with a pooled connection in auto-commit mode (restored afterwards). */
    public <T> T with(SqlFunction<T> work) {
        if (closed) throw new StoreException("the store is closed", null);
        Connection c;
        try {
            c = idle.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a connection", e);
        }
        if (c == null) throw new StoreException("no database connection free for 10 s", null);
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        } finally {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the connection is returned anyway; the next use will fail visibly if it is broken
            }
            idle.add(c);
        }
    }

    /** Work in one transaction: committed when {@code work} returns, rolled back when it throws. */
    public <T> T inTransaction(SqlFunction<T> work) {
        return with(c -> {
            c.setAutoCommit(false);
            T out = work.apply(c);
            c.commit();
            c.setAutoCommit(true);
            return out;
        });
    }

    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }

    @Override
    public void close() {
        closed = true;
        closeAll();
    }

    private void closeAll() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
