package org.sightline.engine.hotspot;

/**
 * Binary spatial weights as compressed rows: the neighbours of cell i, itself included, are
 * {@code index[start[i]] … index[start[i+1]-1]}, in increasing order.
 */
public final class CellNeighbours {
    private final int[] start;
    private final int[] index;

    /** Takes ownership of the arrays; {@code start} has one entry per cell plus one. */
    public CellNeighbours(int[] start, int[] index) {
        if (start.length == 0 || start[0] != 0 || start[start.length - 1] != index.length)
            throw new IllegalArgumentException("start must run from 0 to index.length");
        this.start = start;
        this.index = index;
    }

    public int cells() {
        return start.length - 1;
    }

    /** Number of neighbours of cell i, itself included (Σ_j w_ij). */
    public int degree(int i) {
        return start[i + 1] - start[i];
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return start[i + 1];
    }

    /** The k-th entry of the flattened neighbour lists. */
    public int at(int k) {
        return index[k];
    }
}
