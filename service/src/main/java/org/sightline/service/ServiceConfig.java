package org.sightline.service;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The service's configuration, validated: from {@code service.yaml} ({@link ConfigFile}) or built
 * by demo mode.
 *
 * @param host address to bind, default 127.0.0.1
 * @param port TCP port (0 = any free port)
 * @param dataDir where the embedded H2 store lives (and the demo city, key and tokens)
 * @param keyFile file holding the base64 AES key, used when the environment variable SIGHTLINE_KEY is unset
 * @param database JDBC settings; empty = embedded H2 in {@code dataDir}
 * @param city the layer files to serve
 * @param approachM approach distance of dispatch suggestions, metres
 * @param kAnon minimum resident cameras per published cell
 * @param maxBodyBytes largest request body accepted
 * @param publicUrl base URL written into owner notifications; empty = http://host:port
 */
public record ServiceConfig(
        String host,
        int port,
        Path dataDir,
        Optional<Path> keyFile,
        Optional<DatabaseConfig> database,
        CityFiles city,
        double approachM,
        int kAnon,
        long maxBodyBytes,
        Optional<String> publicUrl) {

    public static final long DEFAULT_MAX_BODY = 16 * 1024;

    public ServiceConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, was " + port);
        if (!(approachM >= 0 && approachM <= 2000))
            throw new IllegalArgumentException("approach_m must be in [0, 2000], was " + approachM);
        if (kAnon < 1) throw new IllegalArgumentException("k_anon must be >= 1, was " + kAnon);
        if (maxBodyBytes < 256 || maxBodyBytes > 1 << 20)
            throw new IllegalArgumentException("max_body_bytes must be in [256, 1048576], was " + maxBodyBytes);
    }

    /** JDBC settings; the password is read from the environment variable {@code passwordEnv}. */
    public record DatabaseConfig(String url, Optional<String> user, Optional<String> passwordEnv) {}

    /** The layers of the served city (cameras and buildings required). */
    public record CityFiles(
            Path cameras,
            Path buildings,
            Optional<Path> incidents,
            Optional<Path> areas,
            Optional<Path> streets,
            Optional<String> metricCrs) {}
}
