package org.sightline.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sightline.service.audit.AuditJournal;
import org.sightline.service.audit.AuditLog;
import org.sightline.service.audit.AuditVerifier;
import org.sightline.service.store.Database;

/**
 * Durability of everything acknowledged: the service runs as its own process, clients stream
 * footage requests and dispatch queries, the process is killed with SIGKILL mid-stream, restarted
 * on the same data directory, and every footage request that was answered 201 must be there with
 * its audit entry, every answered query must have its audit entry (in the table or, before the restart
 * copies it, in the journal), and the chain must verify.
 */
@Tag("slow")
class CrashRecoveryTest {
    static final Pattern SERVING = Pattern.compile("serving (http://\\S+?)/?$");

    record Running(Process process, String url) {}

    static Running start(Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java,
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.sightline.service.ServiceCli",
                        "serve",
                        "--demo",
                        "--preset",
                        "small",
                        "--port",
                        "0",
                        "--data",
                        data.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            log.append(line).append('\n');
            Matcher m = SERVING.matcher(line.trim());
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (java.io.IOException ignored) {
                        // the process is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Running(p, m.group(1));
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the service did not start:\n" + log);
    }

    static JsonNode tokens(Path data) throws Exception {
        return Http.JSON.readTree(Files.readString(data.resolve("demo-tokens.json")));
    }

    @Test
    void acknowledgedRequestsAndTheirAuditEntriesSurviveSigkill() throws Exception {
        Path data = TestCity.freshDataDir();
        Running first = start(data);
        String dispatcher = tokens(data).get("dispatcher").asText();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String body =
                "{\"camera_id\":\"CAM-00001\",\"incident_id\":\"INC-%d\",\"case_number\":\"2025-%06d\"," + "\"from\":\""
                        + now.minus(2, ChronoUnit.HOURS) + "\",\"to\":\"" + now.minus(1, ChronoUnit.HOURS) + "\"}";
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>(); // query strings
        java.util.concurrent.CountDownLatch enough = new java.util.concurrent.CountDownLatch(300);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread c = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    int n = id * 1_000_000 + i;
                    try {
                        var r = Http.post(first.url() + "/api/requests", dispatcher, String.format(body, n, n));
                        if (r.status() == 201) {
                            acked.add(r.json().get("request_id").asText());
                            enough.countDown();
                        }
                    } catch (RuntimeException e) {
                        return; // connection refused or reset: the process is gone
                    }
                }
            });
            c.start();
            clients.add(c);
        }
        for (int t = 0; t < 2; t++) {
            int id = t;
            Thread c = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String query = String.format(Locale.ROOT, "lat=%.7f&lon=-80.843&top=%d", 35.2 + i * 1e-7, id + 1);
                    try {
                        if (Http.get(first.url() + "/api/suggest?" + query, dispatcher)
                                        .status()
                                == 200) answered.add(query);
                    } catch (RuntimeException e) {
                        return; // the process is gone
                    }
                }
            });
            c.start();
            clients.add(c);
        }
        enough.await(20, TimeUnit.SECONDS); // kill mid-stream, once at least 300 requests were acknowledged
        first.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        stop.set(true);
        for (Thread c : clients) c.join(30_000);
        Set<String> ids = new HashSet<>(acked);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(50);

        // right after the kill: every answered query's entry is in the table or the journal (the copier
        // may not have caught up), and table and journal verify together
        try (Database db = Database.h2(data)) {
            Path journal = AuditLog.journalDir(data);
            assertThat(AuditVerifier.verify(db, journal).intact()).isTrue();
            Set<String> entries = db.with(c -> {
                Set<String> s = new HashSet<>();
                try (var rs = c.createStatement()
                        .executeQuery("SELECT target FROM audit_log WHERE action = 'GET /api/suggest'")) {
                    while (rs.next()) s.add(rs.getString(1));
                }
                return s;
            });
            for (AuditJournal.Record r : AuditJournal.records(journal))
                if (r.entry().action().equals("GET /api/suggest"))
                    entries.add(r.entry().target());
            assertThat(entries).containsAll(answered);
        }

        Running second = start(data);
        JsonNode tok = tokens(data);
        for (String id : ids) {
            var r = Http.get(
                    second.url() + "/api/requests/" + id, tok.get("dispatcher").asText());
            assertThat(r.status()).as("request %s after the restart", id).isEqualTo(200);
            assertThat(r.json().get("status").asText()).isEqualTo("pending");
        }
        JsonNode audit = Http.get(
                        second.url() + "/api/admin/audit", tok.get("admin").asText())
                .json();
        assertThat(audit.get("intact").asBoolean()).as(audit.toString()).isTrue();
        second.process().destroy(); // SIGTERM: a clean stop releases the H2 file
        assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

        try (Database db = Database.h2(data)) {
            Set<String> audited = db.with(c -> {
                Set<String> s = new HashSet<>();
                try (var rs = c.createStatement()
                        .executeQuery("SELECT detail FROM audit_log WHERE detail LIKE 'created req_%'")) {
                    while (rs.next()) s.add(rs.getString(1).substring("created ".length()));
                }
                return s;
            });
            assertThat(audited).containsAll(ids);
            Set<String> queries = db.with(c -> {
                Set<String> s = new HashSet<>();
                try (var rs = c.createStatement()
                        .executeQuery("SELECT target FROM audit_log WHERE action = 'GET /api/suggest'")) {
                    while (rs.next()) s.add(rs.getString(1));
                }
                return s;
            });
            assertThat(answered).hasSizeGreaterThanOrEqualTo(50);
            assertThat(queries).containsAll(answered);
            assertThat(AuditVerifier.verify(db, AuditLog.journalDir(data)).intact())
                    .isTrue();
        }
    }
}
