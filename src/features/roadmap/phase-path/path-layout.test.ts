import { describe, expect, it } from "vitest";
import { pathThrough, placeNodes, ROW_HEIGHT } from "./path-layout";

describe("path layout", () => {
  it("snakes left to right, then right to left", () => {
    const places = placeNodes(7, 3);
    expect(places.map((p) => `${p.row}:${p.column}`)).toEqual(["0:0", "0:1", "0:2", "1:2", "1:1", "1:0", "2:0"]);
  });

  it("is a single column on narrow screens", () => {
    expect(placeNodes(3, 1)).toEqual([{ row: 0, column: 0 }, { row: 1, column: 0 }, { row: 2, column: 0 }]);
  });

  it("draws straight along a row and turns at its end", () => {
    const { d, width, height } = pathThrough(placeNodes(4, 2), 2);
    expect(d).toBe(`M 50 68 L 150 68 A 40 68 0 0 1 150 204 L 50 204`);
    expect(width).toBe(200);
    expect(height).toBe(2 * ROW_HEIGHT);
  });

  it("draws a straight line down when there is one column", () => {
    expect(pathThrough(placeNodes(2, 1), 1).d).toBe("M 50 68 L 50 204");
  });
});
