package org.sightline.service;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.sightline.engine.city.City;
import org.sightline.engine.io.Inputs;
import org.sightline.engine.io.Layer;
import org.sightline.engine.io.MetricLayers;
import org.sightline.engine.viewshed.ViewshedOptions;
import org.sightline.service.api.ApiServer;
import org.sightline.service.audit.AuditEntry;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.auth.Tokens;
import org.sightline.service.city.ServiceCity;
import org.sightline.service.requests.FootageRequests;
import org.sightline.service.store.Database;
import org.sightline.service.store.FieldCipher;
import org.sightline.service.store.Migrations;
import org.sightline.service.store.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running service: opens the store (migrations applied), loads the city and builds the dispatch
 * index with the engine, imports the registry (owners encrypted), then serves the API. Only wires.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    private final Database db;
    private final AuditLog audit;
    private final ApiServer server;
    private final Tokens tokens;
    private final ServiceCity city;
    private final String url;

    private Service(Database db, AuditLog audit, ApiServer server, Tokens tokens, ServiceCity city, String url) {
        this.db = db;
        this.audit = audit;
        this.server = server;
        this.tokens = tokens;
        this.city = city;
        this.url = url;
    }

    /** Starts the service; {@code out} gets a line per stage. */
    public static Service start(ServiceConfig cfg, byte[] key, boolean demo, PrintWriter out) {
        FieldCipher cipher = new FieldCipher(key);
        Database db = cfg.database()
                .map(d -> Database.of(
                        d.url(),
                        d.user().orElse(null),
                        d.passwordEnv().map(System::getenv).orElse(null)))
                .orElseGet(() -> Database.h2(cfg.dataDir()));
        AuditLog audit = null;
        try {
            int applied = step(out, "open the store, apply migrations", () -> Migrations.apply(db));
            if (applied > 0) out.printf("    applied %d migration(s)%n", applied);
            MetricLayers layers = step(out, "read the city", () -> Inputs.load(request(cfg.city())));
            City c = new City(
                    layers.crs(),
                    layers.cameras(),
                    layers.buildings(),
                    layers.incidents(),
                    layers.areas(),
                    layers.streets(),
                    ViewshedOptions.DEFAULTS);
            out.printf(
                    Locale.ROOT,
                    "    %,d cameras, %,d buildings, %,d incidents, %,d areas, %,d streets (%s)%n",
                    c.cameras().size(),
                    c.buildings().size(),
                    c.incidents().size(),
                    c.areas().size(),
                    c.streets().size(),
                    c.crs().code());
            ServiceCity city =
                    step(out, "viewsheds and dispatch index", () -> new ServiceCity(c, cfg.approachM(), cfg.kAnon()));
            Registry registry = new Registry(db, cipher);
            int added = step(out, "camera registry (owners encrypted)", () -> registry.importNew(c.cameras()));
            if (added > 0) out.printf("    %,d cameras added to the registry%n", added);
            Tokens tokens = new Tokens(db);
            audit = new AuditLog(db, AuditLog.journalDir(cfg.dataDir()), auditFsync(db));
            int port = cfg.port() == 0 ? freePort(cfg.host()) : cfg.port();
            String url = "http://" + (cfg.host().contains(":") ? "[" + cfg.host() + "]" : cfg.host()) + ":" + port;
            FootageRequests requests = new FootageRequests(
                    db,
                    audit,
                    cipher,
                    registry,
                    Clock.systemUTC(),
                    cfg.publicUrl().orElse(url));
            ApiServer.Wiring w = new ApiServer.Wiring(
                    city,
                    db,
                    tokens,
                    audit,
                    requests,
                    Clock.systemUTC(),
                    cfg.approachM(),
                    cfg.maxBodyBytes(),
                    demo,
                    cfg.publicUrl().orElse(url));
            ApiServer server = ApiServer.start(w, cfg.host(), port);
            audit.append(new AuditEntry(
                    System.currentTimeMillis(), "system", "", "START", demo ? "demo" : "config", 0, "service started"));
            Thread warm = new Thread(
                    () -> {
                        try {
                            city.warmUp();
                        } catch (RuntimeException e) {
                            LOG.error("computing the map layers failed", e);
                        }
                    },
                    "layer-warm-up");
            warm.setDaemon(true);
            warm.start();
            return new Service(db, audit, server, tokens, city, url);
        } catch (RuntimeException e) {
            if (audit != null) audit.close();
            db.close();
            throw e;
        }
    }

    /**
     * Whether the audit journal forces each group write to the device: as durable as the store it
     * fronts (PostgreSQL fsyncs its commits, embedded H2 does not); {@code -Dsightline.audit.fsync}
     * overrides.
     */
    static boolean auditFsync(Database db) {
        String p = System.getProperty("sightline.audit.fsync");
        return p != null ? Boolean.parseBoolean(p) : db.dialect() == Database.Dialect.POSTGRESQL;
    }

    private static Inputs.Request request(ServiceConfig.CityFiles f) {
        Map<Layer, Path> files = new EnumMap<>(Layer.class);
        files.put(Layer.CAMERAS, f.cameras());
        files.put(Layer.BUILDINGS, f.buildings());
        f.incidents().ifPresent(p -> files.put(Layer.INCIDENTS, p));
        f.areas().ifPresent(p -> files.put(Layer.AREAS, p));
        f.streets().ifPresent(p -> files.put(Layer.STREETS, p));
        return new Inputs.Request(files, null, null, f.metricCrs());
    }

    static <T> T step(PrintWriter out, String name, Supplier<T> work) {
        long t0 = System.nanoTime();
        T r = work.get();
        out.printf(Locale.ROOT, "  %-36s %7.2f s%n", name, (System.nanoTime() - t0) / 1e9);
        out.flush();
        return r;
    }

    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host, e);
        }
    }

    public String url() {
        return url;
    }

    public int port() {
        return server.port();
    }

    public Tokens tokens() {
        return tokens;
    }

    public Database database() {
        return db;
    }

    public AuditLog audit() {
        return audit;
    }

    public ServiceCity city() {
        return city;
    }

    /** Stops serving, commits the queued audit entries, closes the store. */
    @Override
    public void close() {
        server.close();
        audit.append(new AuditEntry(System.currentTimeMillis(), "system", "", "STOP", "", 0, "service stopped"));
        audit.close();
        db.close();
    }
}
