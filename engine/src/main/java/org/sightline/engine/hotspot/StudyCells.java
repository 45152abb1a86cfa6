package org.sightline.engine.hotspot;

import org.locationtech.jts.geom.Polygon;

/**
 * The cells of a study region: every cell whose centre lies in the region, zero counts included,
 * numbered 0 … size()−1. Coordinates are in the metric CRS.
 */
public sealed interface StudyCells permits SquareCells, H3Cells {
    int size();

    /** {@code "i_j"} for squares, the H3 address for H3 cells. */
    String id(int index);

    double cx(int index);

    double cy(int index);

    /** The study cell containing the metric point, or −1 when that cell is not a study cell. */
    int indexAt(double x, double y);

    /** The cell's outline in the metric CRS (for H3: its boundary vertices, projected). */
    Polygon polygon(int index);

    /** Binary Gi* weights of the cells, self included. */
    CellNeighbours neighbours();
}
