export const usage = `Usage: roadlab <command> [options]

Commands:
  check [dirs…]                 Validate exercises (default: exercises/): schema, files, imports;
                                every hidden test passes on solution/, at least one fails on starter/
                                and on each mutants/<name>/.
  run <exercise-dir> --files <dir>
                                Run an exercise's hidden tests against the learner files in <dir>.
  catalog [dirs…]               Per roadmap phase: the exercises, the checkpoint, the topics not taught yet.
  build [dirs…] --out <dir> [--embed-origin <origin>…]
                                A static site of only these exercises (validated first; tests not run),
                                with _headers; embed.html may be framed by the given origins.
  scorm <exercise-dir>… --out <file.zip> [--mastery <0–100>]
                                A SCORM 1.2 package (default mastery 100) reporting score, pass/fail
                                and the learner's code to the LMS.
  grade <submission-file|dir>… --exercise <dir> [--runtime browser|node] [--json] [--junit <file>]
        [--html <file>] [--shard <i>/<n>] [--concurrency N]
                                Every hidden test (withheld ones too) on each candidate's submission;
                                integrity flags; --merge <report.json>… joins --json shard reports.
  interview <exercise-dir> --visible <test-file>… [--minutes N] [--title <text>] --out <dir>
                                A static candidate site: the exercise with only the visible tests,
                                a timer and Submit (downloads <slug>-submission.json).

Options:
  --runtime node|browser        node: real Vitest in Node (default). browser: the in-page runtime in Chromium.
  --timeout <ms>                Per-test time limit (default: the exercise's timeoutMs, else 5000).
  --json                        Print one results object instead of readable output.
  -h, --help                    Show this help.

Exit codes: 0 pass, 1 fail or error, 2 bad usage or bad input.
`;
