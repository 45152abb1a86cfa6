package org.sightline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for {@code GET /api/suggest} of a running service on this machine (127.0.0.1
 * only): {@code --threads} closed-loop clients send requests for random points in the city's bounding
 * box until {@code --requests} are done or {@code --seconds} have passed, then it reports requests/s,
 * latency percentiles, errors, and whether the audit log grew by exactly one entry per request (via
 * {@code GET /api/admin/audit}, which also verifies the hash chain).
 *
 * <pre>
 * java -cp bench/target/classes org.sightline.bench.SuggestLoad --url http://127.0.0.1:8080 \
 *     --tokens .sightline/demo-service/demo-tokens.json --requests 200000 --seconds 60 --threads 16
 * </pre>
 *
 * Only the JDK: it runs from {@code bench/target/classes} without the benchmark jar.
 */
public final class SuggestLoad {
    private SuggestLoad() {}

    public static void main(String[] args) throws Exception {
        String url = null;
        Path tokens = null;
        long requests = 100_000, warmup = 20_000;
        double seconds = 60;
        int threads = 16;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--tokens" -> tokens = Path.of(args[++i]);
                case "--requests" -> requests = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Long.parseLong(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> usage("unknown option " + args[i] + (v == null ? "" : ""));
            }
        }
        if (url == null || tokens == null) usage("--url and --tokens are required");
        URI base = URI.create(url);
        if (!"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost()))
            usage("this load generator only targets 127.0.0.1, not " + base.getHost());
        if (requests < 1 || requests > 10_000_000 || seconds <= 0 || seconds > 600 || threads < 1 || threads > 256)
            usage("bounds: --requests 1..10^7, --seconds (0, 600], --threads 1..256");
        String json = Files.readString(tokens);
        String dispatcher = field(json, "dispatcher"), admin = field(json, "admin");

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        double[] bbox = bbox(get(client, base.resolve("/api/city"), dispatcher));
        long before = auditEntries(client, base, admin);

        System.out.printf(Locale.ROOT, "warm-up: %,d requests%n", warmup);
        Result w = run(client, base, dispatcher, bbox, warmup, seconds, threads, seed + 1);
        System.out.printf(
                Locale.ROOT, "measure: up to %,d requests or %.0f s, %d threads%n", requests, seconds, threads);
        Result r = run(client, base, dispatcher, bbox, requests, seconds, threads, seed);
        long after = auditEntries(client, base, admin);

        long[] lat = r.latencies;
        Arrays.sort(lat);
        System.out.printf(
                Locale.ROOT,
                "requests %,d in %.2f s: %,.0f req/s; errors %d%n",
                r.done,
                r.seconds,
                r.done / r.seconds,
                r.errors);
        System.out.printf(
                Locale.ROOT,
                "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                pct(lat, 0.50),
                pct(lat, 0.90),
                pct(lat, 0.99),
                pct(lat, 0.999),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        long expected = w.done + r.done + 1; // + the first audit check's own entry
        System.out.printf(
                Locale.ROOT,
                "audit entries added: %,d (expected %,d: one per request)%s%n",
                after - before,
                expected,
                after - before == expected ? "" : "  MISMATCH");
        if (r.errors > 0 || w.errors > 0 || after - before != expected) System.exit(1);
    }

    record Result(long done, long errors, double seconds, long[] latencies) {}

    private static Result run(
            HttpClient client, URI base, String token, double[] bbox, long n, double seconds, int threads, long seed)
            throws InterruptedException {
        AtomicLong next = new AtomicLong(), errors = new AtomicLong();
        long[][] lat = new long[threads][];
        int[] count = new int[threads];
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Thread[] ts = new Thread[threads];
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts[t] = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(seed * 1000 + id);
                long[] mine = new long[(int) Math.min(n, 1 << 22) / threads + 16];
                int k = 0;
                while (next.getAndIncrement() < n && System.nanoTime() < deadline) {
                    double lon = bbox[0] + rnd.nextDouble() * (bbox[2] - bbox[0]);
                    double lat2 = bbox[1] + rnd.nextDouble() * (bbox[3] - bbox[1]);
                    URI u = base.resolve(String.format(Locale.ROOT, "/api/suggest?lat=%.6f&lon=%.6f", lat2, lon));
                    HttpRequest req = HttpRequest.newBuilder(u)
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(10))
                            .build();
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (resp.statusCode() != 200) errors.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    if (k == mine.length) mine = Arrays.copyOf(mine, mine.length * 2);
                    mine[k++] = System.nanoTime() - s;
                }
                lat[id] = mine;
                count[id] = k;
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        int total = Arrays.stream(count).sum();
        long[] all = new long[total];
        int o = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(lat[t], 0, all, o, count[t]);
            o += count[t];
        }
        return new Result(total, errors.get(), secs, all);
    }

    private static long auditEntries(HttpClient client, URI base, String admin) throws Exception {
        String body = get(client, base.resolve("/api/admin/audit"), admin);
        if (!body.contains("\"intact\":true")) throw new IllegalStateException("audit chain does not verify: " + body);
        Matcher m = Pattern.compile("\"entries\":(\\d+)").matcher(body);
        if (!m.find()) throw new IllegalStateException("no entry count in " + body);
        return Long.parseLong(m.group(1));
    }

    private static String get(HttpClient client, URI u, String token) throws Exception {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(u)
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(u + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private static double[] bbox(String cityJson) {
        Matcher m = Pattern.compile("\"bbox\":\\[([^\\]]+)]").matcher(cityJson);
        if (!m.find()) throw new IllegalStateException("no bbox in " + cityJson);
        return Arrays.stream(m.group(1).split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) throw new IllegalArgumentException("no \"" + name + "\" token in the tokens file");
        return m.group(1);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static void usage(String problem) {
        System.err.println("SuggestLoad: " + problem);
        System.err.println("usage: SuggestLoad --url http://127.0.0.1:PORT --tokens demo-tokens.json"
                + " [--requests N] [--warmup N] [--seconds S] [--threads T] [--seed N]");
        System.exit(2);
    }
}
