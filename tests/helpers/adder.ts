/** The fixture pack every runtime test uses, and its starter's verdicts in every runtime. */
export const ADDER = "tests/fixtures/packs/runtime/adder";

export const ADDER_STARTER_VERDICTS = [
  ["add > adds two numbers", "fail"],
  ["add > adds negatives", "fail"],
  ["add > is skipped", "skip"],
  ["add > handles bigints", "todo"],
];

export function verdicts(tests: readonly { name: string; status: string }[]): string[][] {
  return tests.map((t) => [t.name, t.status]);
}
