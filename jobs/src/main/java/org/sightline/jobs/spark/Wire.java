package org.sightline.jobs.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sightline.engine.geo.Geometries;
import org.sightline.engine.model.Footprint;
import org.sightline.engine.model.Incident;

/**
 * Compact byte forms of the engine's values for Spark shuffles, task payloads and spilled caches:
 * geometries as WKB (coordinates bit for bit), the rest as plain fields. Java serialization of JTS
 * geometries writes an object per coordinate and is several times slower and larger; these forms
 * are what the jobs move between tasks.
 */
final class Wire {
    private Wire() {}

    /**
     * A footprint with its input index, led by its envelope so that {@link #envelope} can place it in
     * tiles without decoding the geometry.
     */
    static byte[] footprint(long index, Footprint f) {
        return write(out -> {
            Envelope e = f.geometry().getEnvelopeInternal();
            out.writeDouble(e.getMinX());
            out.writeDouble(e.getMinY());
            out.writeDouble(e.getMaxX());
            out.writeDouble(e.getMaxY());
            out.writeLong(index);
            string(out, f.id());
            out.writeDouble(f.heightM());
            string(out, f.use());
            geometry(out, f.geometry());
        });
    }

    /** The envelope of an encoded footprint. */
    static Envelope envelope(byte[] footprint) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(footprint);
        return new Envelope(b.getDouble(0), b.getDouble(16), b.getDouble(8), b.getDouble(24));
    }

    /** The input index of an encoded footprint. */
    static long footprintIndex(byte[] footprint) {
        return java.nio.ByteBuffer.wrap(footprint).getLong(32);
    }

    static Footprint readFootprint(byte[] bytes) {
        return read(bytes, in -> {
            in.skipBytes(40);
            String id = string(in);
            double h = in.readDouble();
            String use = string(in);
            return new Footprint(id, geometry(in), h, use);
        });
    }

    /** An incident with its input index. */
    static byte[] incident(long index, Incident i) {
        return write(out -> {
            out.writeLong(index);
            string(out, i.id());
            org.locationtech.jts.geom.Point p = i.position();
            out.writeBoolean(p.isEmpty());
            out.writeDouble(p.isEmpty() ? Double.NaN : p.getX());
            out.writeDouble(p.isEmpty() ? Double.NaN : p.getY());
            out.writeLong(i.occurredAt().getEpochSecond());
            out.writeInt(i.occurredAt().getNano());
            string(out, i.category());
            out.writeDouble(i.weight());
        });
    }

    static long incidentIndex(byte[] incident) {
        return java.nio.ByteBuffer.wrap(incident).getLong(0);
    }

    static Incident readIncident(byte[] bytes) {
        return read(bytes, in -> {
            in.skipBytes(8);
            String id = string(in);
            boolean empty = in.readBoolean();
            double x = in.readDouble(), y = in.readDouble();
            org.locationtech.jts.geom.Point p = empty ? Geometries.FACTORY.createPoint() : Geometries.point(x, y);
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return new Incident(id, p, at, string(in), in.readDouble());
        });
    }

    static byte[] geometry(Geometry g) {
        return new WKBWriter(2).write(g);
    }

    static Geometry readGeometry(byte[] wkb) {
        try {
            return new WKBReader(Geometries.FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("corrupt geometry bytes", e);
        }
    }

    static void geometry(DataOutputStream out, Geometry g) throws IOException {
        byte[] wkb = geometry(g);
        out.writeInt(wkb.length);
        out.write(wkb);
    }

    static Geometry geometry(DataInputStream in) throws IOException {
        byte[] wkb = new byte[in.readInt()];
        in.readFully(wkb);
        return readGeometry(wkb);
    }

    static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T> T read(byte[] bytes, Reader<T> r) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return r.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encoded values concatenated into one array, each as its length and its bytes. */
    static final class Blob {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        void add(byte[] value) {
            try {
                out.writeInt(value.length);
                out.write(value);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        /** Adds the values of {@code blob}, in order, to {@code to}. */
        static void split(byte[] blob, java.util.List<byte[]> to) {
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(blob);
            while (in.hasRemaining()) {
                byte[] value = new byte[in.getInt()];
                in.get(value);
                to.add(value);
            }
        }
    }
}
