import { describe, expect, it } from "vitest";
import { mergeText } from "../merge";

const labels = { ours: "main", theirs: "feature" };
const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join("");
const merge = (base: string, ours: string, theirs: string) => mergeText(base, ours, theirs, labels);

const BASE = text("one", "two", "three", "four", "five", "six", "seven");

describe("three-way merge of one file (diff3)", () => {
  it("takes a change that only one side made, whichever side it is", () => {
    const changed = text("one", "TWO", "three", "four", "five", "six", "seven");
    expect(merge(BASE, changed, BASE)).toEqual({ text: changed, conflicts: 0 });
    expect(merge(BASE, BASE, changed)).toEqual({ text: changed, conflicts: 0 });
  });

  it("combines changes to different parts of the file", () => {
    const ours = text("one", "TWO", "three", "four", "five", "six", "seven");
    const theirs = text("one", "two", "three", "four", "five", "SIX", "seven", "eight");
    expect(merge(BASE, ours, theirs)).toEqual({ text: text("one", "TWO", "three", "four", "five", "SIX", "seven", "eight"), conflicts: 0 });
  });

  it("takes the same change made on both sides once", () => {
    const both = text("one", "two", "3", "four", "five", "six", "seven");
    expect(merge(BASE, both, both)).toEqual({ text: both, conflicts: 0 });
  });

  it("takes deletions and insertions in the middle", () => {
    const ours = text("one", "three", "four", "five", "six", "seven");
    const theirs = text("one", "two", "three", "four", "4½", "five", "six", "seven");
    expect(merge(BASE, ours, theirs)).toEqual({ text: text("one", "three", "four", "4½", "five", "six", "seven"), conflicts: 0 });
  });

  it("marks different changes to the same lines as a conflict, with git's markers, and merges the rest", () => {
    const ours = text("ONE", "two", "three", "four", "five", "6 (main)", "seven");
    const theirs = text("one", "two", "three", "four", "five", "6 (feature)", "6½", "seven");
    expect(merge(BASE, ours, theirs)).toEqual({
      text: text("ONE", "two", "three", "four", "five", "<<<<<<< main", "6 (main)", "=======", "6 (feature)", "6½", ">>>>>>> feature", "seven"),
      conflicts: 1,
    });
  });

  it("counts each conflicting stretch, and treats changes to adjacent lines as one conflict", () => {
    const ours = text("1", "two", "three", "FOUR", "five", "six", "seven");
    const theirs = text("uno", "two", "three", "four", "FIVE", "six", "seven");
    const result = merge(BASE, ours, theirs);
    expect(result.conflicts).toBe(2);
    expect(result.text).toBe(text(
      "<<<<<<< main", "1", "=======", "uno", ">>>>>>> feature",
      "two", "three",
      "<<<<<<< main", "FOUR", "five", "=======", "four", "FIVE", ">>>>>>> feature",
      "six", "seven",
    ));
  });

  it("conflicts when both sides append different lines, and ends every line with a newline", () => {
    const result = merge("a\nb", "a\nb\nours", "a\nb\ntheirs\n");
    expect(result).toEqual({ text: text("a", "b", "<<<<<<< main", "ours", "=======", "theirs", ">>>>>>> feature"), conflicts: 1 });
    expect(merge("", "new\n", "new")).toEqual({ text: "new\n", conflicts: 0 });
    expect(merge("", "", "")).toEqual({ text: "", conflicts: 0 });
  });

  it("lets one side delete everything the other left alone", () => {
    expect(merge(BASE, "", BASE)).toEqual({ text: "", conflicts: 0 });
    expect(merge(BASE, "", text("one", "two", "THREE", "four", "five", "six", "seven")).conflicts).toBe(1);
  });
});
