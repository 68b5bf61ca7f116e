/** Row height of the path in CSS pixels; the SVG's vertical unit is one pixel. */
export const ROW_HEIGHT = 136;
/** Horizontal units per column in the SVG (it stretches to the container's width). */
const COLUMN_UNITS = 100;
const TURN = 40;

export interface NodePlace {
  row: number;
  column: number;
}

/** A serpentine: left to right on even rows, right to left on odd ones, like a road winding down. */
export function placeNodes(count: number, columns: number): NodePlace[] {
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / columns);
    const step = i % columns;
    return { row, column: row % 2 === 0 ? step : columns - 1 - step };
  });
}

/** The SVG path through every node's centre, turning with a half-ellipse at the end of each row. */
export function pathThrough(places: readonly NodePlace[], columns: number): { d: string; width: number; height: number } {
  const x = (p: NodePlace) => (p.column + 0.5) * COLUMN_UNITS;
  const y = (p: NodePlace) => (p.row + 0.5) * ROW_HEIGHT;
  const parts = places.map((p, i) => {
    if (i === 0) return `M ${x(p)} ${y(p)}`;
    const previous = places[i - 1];
    if (previous.row === p.row || columns === 1) return `L ${x(p)} ${y(p)}`;
    // Rows end on the right when even and on the left when odd; the turn bulges outwards.
    const sweep = previous.row % 2 === 0 ? 1 : 0;
    return `A ${TURN} ${ROW_HEIGHT / 2} 0 0 ${sweep} ${x(p)} ${y(p)}`;
  });
  const rows = places.length === 0 ? 0 : places[places.length - 1].row + 1;
  return { d: parts.join(" "), width: columns * COLUMN_UNITS, height: rows * ROW_HEIGHT };
}
