import { describe, expect, it } from "vitest";
import { isInputComplete } from "./statement-complete";

describe("isInputComplete", () => {
  it.each([
    ["select 1;", true],
    ["select 1", false],
    ["select *\nfrom customers\n;", true],
    ["select 1;  -- trailing comment", true],
    ["select ';'", false],
    ["select 'it''s';", true],
    ["select E'a\\';", false],
    ["select E'a\\'';", true],
    ['select 1 as ";"', false],
    ["create function f() returns int as $$ select 1; $$", false],
    ["create function f() returns int as $body$ select 1; $body$ language sql;", true],
    ["select /* ; */ 1", false],
    ["select /* /* ; */ */ 1;", true],
    ["select (1;", false],
    ["select 1; select 2", false],
    ["", true],
    ["   ", true],
    ["\\dt", true],
    ["  \\d customers", true],
  ])("%j → %s", (input, complete) => {
    expect(isInputComplete(input)).toBe(complete);
  });
});
