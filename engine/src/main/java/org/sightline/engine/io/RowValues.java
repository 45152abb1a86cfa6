package org.sightline.engine.io;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A small immutable map of column key → text, as one array: the few properties of a GeoJSON
 * feature cost a fifth of a {@code HashMap}'s memory, which matters with 400,000 features held
 * until the column union is known. Lookup is a linear scan.
 */
final class RowValues extends AbstractMap<String, String> {
    private final String[] keysAndValues;

    /** @param keysAndValues key, value, key, value ...; keys distinct */
    RowValues(String[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i].equals(key)) return keysAndValues[i + 1];
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keysAndValues.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        i += 2;
                        return Map.entry(keysAndValues[i - 2], keysAndValues[i - 1]);
                    }
                };
            }

            @Override
            public int size() {
                return RowValues.this.size();
            }
        };
    }
}
