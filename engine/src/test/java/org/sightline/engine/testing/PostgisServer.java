package org.sightline.engine.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throw-away PostGIS server for integration tests: {@code initdb} into a temporary folder with
 * the installed PostgreSQL 15 binaries, a free port on 127.0.0.1, {@code CREATE EXTENSION postgis},
 * stopped and deleted by {@link #close}. PostgreSQL refuses to run as root, so as root the server runs
 * as the {@code postgres} user ({@code runuser}). Outside CI a machine without the binaries skips the
 * test; in CI ({@code CI=true}, which {@code ./run-tests} sets) that is a failure (install {@code
 * postgresql-15-postgis-3}).
 *
 * <p>Shared through the engine's test-jar by the modules that test against PostgreSQL ({@code jobs},
 * {@code service}); it needs only the JDK, JUnit and, at run time, the PostgreSQL JDBC driver of the
 * module that uses it, so it brings no Spark onto the service's class path.
 */
public final class PostgisServer implements AutoCloseable {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private PostgisServer(Path dir, int port, boolean asPostgres) {
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    public static PostgisServer start() throws IOException, InterruptedException, SQLException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean installed = Files.isExecutable(BIN.resolve("initdb"))
                && Files.exists(Path.of("/usr/share/postgresql/15/extension/postgis.control"));
        if (!installed) {
            String why = "PostgreSQL 15 + PostGIS 3 not installed (apt-get install postgresql-15-postgis-3)";
            if (ci) throw new IllegalStateException(why + ": integration tests must run in CI");
            Assumptions.abort(why);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("sightline-pg-");
        if (root) exec(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        PostgisServer pg = new PostgisServer(dir, port, root);
        pg.pg(List.of(
                BIN.resolve("initdb").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-U",
                "sightline",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync"));
        pg.pg(List.of(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"));
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION postgis");
        }
        return pg;
    }

    public String url() {
        return url("postgres");
    }

    /** The JDBC URL of database {@code name} on this server. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Creates an empty database {@code name} (letters, digits, underscores) and returns its URL. */
    public String createDatabase(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("bad database name " + name);
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String user() {
        return "sightline";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg(List.of(
                    BIN.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "fast",
                    "-w",
                    "stop"));
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>();
        if (asPostgres) c.addAll(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(command);
        exec(c, true);
    }

    private static void exec(List<String> command, boolean quiet) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
    }
}
