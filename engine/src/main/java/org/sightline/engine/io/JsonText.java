package org.sightline.engine.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The JSON object of a row, for its reject's raw text: either held (small files, odd shapes) or a
 * byte range of the source file that is read again on demand, so that a 400,000-feature GeoJSON
 * file is not kept as a tree in memory.
 */
abstract class JsonText {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fresh copy of the object (the caller may change it). */
    abstract ObjectNode read();

    static JsonText of(ObjectNode node) {
        return new JsonText() {
            @Override
            ObjectNode read() {
                return node.deepCopy();
            }
        };
    }

    /** Bytes [start, end) of {@code path}, which hold one JSON object. */
    static JsonText slice(Path path, long start, long end) {
        return new JsonText() {
            @Override
            ObjectNode read() {
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                    return (ObjectNode) JSON.readTree(bytes(ch, start, end));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path + " again: " + e.getMessage(), e);
                }
            }
        };
    }

    static byte[] bytes(FileChannel ch, long start, long end) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(end - start));
        while (buf.hasRemaining()) {
            if (ch.read(buf, start + buf.position()) < 0) throw new IOException("file shorter than when read");
        }
        return buf.array();
    }
}
