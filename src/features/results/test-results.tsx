import { summarize, type TestResult, type TestStatus } from "../../runtime/results";
import type { RunLog } from "../../store/run-log";
import type { SourceLocation } from "./locations";
import { MessageText } from "./message-text/message-text";
import "./test-results.css";

export interface TestResultsProps {
  /** The run to show (the newest not cancelled), if any. */
  run?: RunLog;
  files: readonly string[];
  onOpenLocation(location: SourceLocation): void;
}

const words: Record<TestStatus, { word: string; icon: string }> = {
  pass: { word: "passed", icon: "✓" },
  fail: { word: "failed", icon: "✗" },
  error: { word: "failed", icon: "✗" },
  skip: { word: "skipped", icon: "↓" },
  todo: { word: "skipped", icon: "↓" },
};

/** The accessible source of truth for a run: each test as it finishes, then the summary. */
export function TestResults({ run, files, onOpenLocation }: TestResultsProps) {
  const tests = run ? finishedTests(run) : [];
  const running = run && !run.results ? runningTest(run) : undefined;
  const results = run?.results;
  const summary = !results ? `Running… ${tests.length} finished`
    : results.tampering ? "Not graded: the code under test tampered with the test runtime"
    : results.status === "error" && tests.length === 0 ? "The run could not complete"
    : summarize(results);

  return (
    <section className="test-results" aria-labelledby="test-results-heading">
      <h2 id="test-results-heading">Test results</h2>
      {/* Announced when it changes: the summary is what a screen-reader user waits for. */}
      <p className={`summary summary-${results?.status ?? (run ? "running" : "idle")}`} aria-live="polite">
        {run ? summary : "Run tests (Ctrl+Enter) to check your code against the hidden tests."}
      </p>
      {results?.tampering && (
        <div className="run-error run-tampering" role="alert" aria-labelledby="tampering-heading">
          <strong id="tampering-heading">This run was tampered with; its verdict cannot be trusted.</strong>
          <MessageText text={results.tampering.map((t) => `${t.what} at ${t.where}`).join("\n")} files={files} onOpenLocation={onOpenLocation} />
        </div>
      )}
      {results?.status === "error" && results.message && (
        <div className="run-error" role="alert">
          <strong>The run could not complete:</strong>
          <MessageText text={results.message} files={files} onOpenLocation={onOpenLocation} />
        </div>
      )}
      {tests.length > 0 && (
        <ol className="tests">
          {tests.map((test, i) => (
            <TestItem key={`${i}-${test.name}`} test={test} files={files} onOpenLocation={onOpenLocation} />
          ))}
          {running && (
            <li className="test test-running">
              <span className="test-status">running</span> <span className="test-name">{running}</span>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}

function TestItem({ test, files, onOpenLocation }: { test: TestResult; files: readonly string[]; onOpenLocation(l: SourceLocation): void }) {
  const { word, icon } = words[test.status];
  return (
    <li className={`test test-${test.status}`}>
      <span className="test-status">
        <span aria-hidden="true">{icon} </span>
        {word}
      </span>{" "}
      <span className="test-name">{test.name}</span>
      {test.duration_ms !== undefined && <span className="duration"> {Math.round(test.duration_ms)} ms</span>}
      {test.message && <MessageText text={test.message} files={files} onOpenLocation={onOpenLocation} />}
      {test.output && (
        <details className="test-output">
          <summary>Console output</summary>
          <pre tabIndex={0}>{test.output}</pre>
        </details>
      )}
    </li>
  );
}

/** Completed results when the run is done; until then, the tests finished so far. */
function finishedTests(run: RunLog): TestResult[] {
  if (run.results) return run.results.tests;
  return run.events.flatMap((e) => (e.type === "test-end" ? [e.test] : []));
}

function runningTest(run: RunLog): string | undefined {
  const last = run.events.at(-1);
  return last?.type === "test-start" ? last.name : undefined;
}

export default TestResults;
