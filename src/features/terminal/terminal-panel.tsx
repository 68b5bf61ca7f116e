import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from "react";
import type { SqlOutcome } from "../../runtime/types";
import type { RunLog } from "../../store/run-log";
import "./terminal-panel.css";

// xterm is ~100 KB gzip: it loads with the first panel shown, never with the roadmap.
const RunOutput = lazy(() => import("./run-output"));
const SqlConsole = lazy(() => import("./sql-console"));

type View = "output" | "sql";
const VIEWS: { view: View; label: string }[] = [
  { view: "output", label: "Output" },
  { view: "sql", label: "SQL console" },
];

export interface TerminalPanelProps {
  /** This exercise's runs, oldest first. */
  runs: RunLog[];
  /** Present when the exercise has a database: enables the SQL console. */
  runSql?: (query: string) => Promise<SqlOutcome>;
}

/** Test output in colour and, for database exercises, a psql-like console beside it. */
export function TerminalPanel({ runs, runSql }: TerminalPanelProps) {
  const id = useId();
  const [view, setView] = useState<View>("output");
  // The console mounts on first use and then stays, keeping its history and scrollback.
  const [sqlOpened, setSqlOpened] = useState(false);
  // psql tables need columns the side pane does not have: expanded, the panel spans the window.
  const [expanded, setExpanded] = useState(false);
  const section = useRef<HTMLElement>(null);
  const toggleExpanded = () => {
    setExpanded(!expanded);
    // The learner expanded to read or type: take them into the terminal shown.
    requestAnimationFrame(() => section.current?.querySelector<HTMLElement>(".terminal-view:not([hidden]) textarea")?.focus());
  };
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const shown = runSql ? view : "output";

  const select = (next: View) => {
    setView(next);
    if (next === "sql") setSqlOpened(true);
  };
  // Arrow keys move between tabs, as in the ARIA tabs pattern.
  const onKeyDown = (event: KeyboardEvent) => {
    const index = VIEWS.findIndex((v) => v.view === shown);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + VIEWS.length) % VIEWS.length;
    select(VIEWS[next].view);
    tabs.current[next]?.focus();
  };

  return (
    <section
      ref={section}
      className={`terminal-panel${expanded ? " expanded" : ""}`}
      aria-label="Terminal"
      onKeyDown={(event) => event.key === "Escape" && expanded && setExpanded(false)}
    >
      <div className="terminal-bar">
        {runSql ? (
          <div role="tablist" aria-label="Terminal views" className="terminal-tabs" onKeyDown={onKeyDown}>
            {VIEWS.map(({ view: v, label }, i) => (
              <button
                key={v}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`${id}-${v}-tab`}
                aria-controls={`${id}-${v}`}
                aria-selected={shown === v}
                tabIndex={shown === v ? 0 : -1}
                onClick={() => select(v)}
              >
                {label}
              </button>
            ))}
          </div>
        ) : (
          <h2 className="terminal-heading">Output</h2>
        )}
        <button
          type="button"
          className="terminal-expand"
          aria-label="Expand terminal"
          aria-pressed={expanded}
          title={expanded ? "Back to the side pane (Escape)" : "Use the whole width of the window"}
          onClick={toggleExpanded}
        >
          Expand
        </button>
      </div>
      <div
        id={`${id}-output`}
        className="terminal-view"
        {...(runSql ? { role: "tabpanel", "aria-labelledby": `${id}-output-tab` } : {})}
        hidden={shown !== "output"}
      >
        <Suspense fallback={<p className="terminal-loading">Loading terminal…</p>}>
          <RunOutput runs={runs} />
        </Suspense>
      </div>
      {runSql && (
        <div id={`${id}-sql`} className="terminal-view" role="tabpanel" aria-labelledby={`${id}-sql-tab`} hidden={shown !== "sql"}>
          {sqlOpened && (
            <Suspense fallback={<p className="terminal-loading">Loading SQL console…</p>}>
              <SqlConsole runSql={runSql} active={shown === "sql"} />
            </Suspense>
          )}
        </div>
      )}
    </section>
  );
}
