/** The fixture whose second of three tests never returns, and the verdicts both runtimes owe it. */
export const HUNG = "tests/fixtures/packs/runtime/hung";

export const HUNG_VERDICTS = [
  ["counter > counts from one", "pass", undefined],
  ["counter > spins forever", "error", "timed out after 400 ms"],
  ["counter > starts afresh for each test", "pass", undefined],
];
