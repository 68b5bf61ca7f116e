import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from "react";
import { afterEditorShown } from "../../app/after-startup";
import type { SqlOutcome } from "../../runtime/types";
import type { RunLog } from "../../store/run-log";
import type { WatchOutput } from "./run-output";
import type { OpenShell } from "./shell-terminal";
import "./terminal-panel.css";

// xterm is ~100 KB gzip: it loads with the first panel shown, never with the roadmap.
// The Output terminal after the code editor has painted: the starter code is what the learner waits for.
const RunOutput = lazy(() => afterEditorShown().then(() => import("./run-output")));
const SqlConsole = lazy(() => import("./sql-console"));
const ShellTerminal = lazy(() => import("./shell-terminal"));

type View = "output" | "sql" | "shell";
const ALL_VIEWS: { view: View; label: string }[] = [
  { view: "output", label: "Output" },
  { view: "sql", label: "SQL console" },
  { view: "shell", label: "Shell" },
];

export interface TerminalPanelProps {
  /** This exercise's runs, oldest first. */
  runs: RunLog[];
  /** Present when the exercise has a database: enables the SQL console. */
  runSql?: (query: string) => Promise<SqlOutcome>;
  /** WebContainer mode: npm and Vitest output for the Output tab. */
  watchOutput?: WatchOutput;
  /** WebContainer mode: enables the interactive Shell tab. */
  openShell?: OpenShell;
}

/** Test output in colour and, for database exercises, a psql-like console beside it. */
export function TerminalPanel({ runs, runSql, watchOutput, openShell }: TerminalPanelProps) {
  const id = useId();
  const [view, setView] = useState<View>("output");
  // The console mounts on first use and then stays, keeping its history and scrollback.
  const [sqlOpened, setSqlOpened] = useState(false);
  const [shellOpened, setShellOpened] = useState(false);
  // psql tables need columns the side pane does not have: expanded, the panel spans the window.
  const [expanded, setExpanded] = useState(false);
  const section = useRef<HTMLElement>(null);
  const toggleExpanded = () => {
    setExpanded(!expanded);
    // The learner expanded to read or type: take them into the terminal shown.
    requestAnimationFrame(() => section.current?.querySelector<HTMLElement>(".terminal-view:not([hidden]) textarea")?.focus());
  };
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const views = ALL_VIEWS.filter((v) => v.view === "output" || (v.view === "sql" && runSql) || (v.view === "shell" && openShell));
  const tabbed = views.length > 1;
  const shown = views.some((v) => v.view === view) ? view : "output";

  const select = (next: View) => {
    setView(next);
    if (next === "sql") setSqlOpened(true);
    if (next === "shell") setShellOpened(true);
  };
  // Arrow keys move between tabs, as in the ARIA tabs pattern.
  const onKeyDown = (event: KeyboardEvent) => {
    const index = views.findIndex((v) => v.view === shown);
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + views.length) % views.length;
    select(views[next].view);
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
        {tabbed ? (
          <div role="tablist" aria-label="Terminal views" className="terminal-tabs" onKeyDown={onKeyDown}>
            {views.map(({ view: v, label }, i) => (
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
        {...(tabbed ? { role: "tabpanel", "aria-labelledby": `${id}-output-tab` } : {})}
        hidden={shown !== "output"}
      >
        <Suspense fallback={<p className="terminal-loading">Loading terminal…</p>}>
          <RunOutput runs={runs} watchOutput={watchOutput} />
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
      {openShell && (
        <div id={`${id}-shell`} className="terminal-view" role="tabpanel" aria-labelledby={`${id}-shell-tab`} hidden={shown !== "shell"}>
          {shellOpened && (
            <Suspense fallback={<p className="terminal-loading">Loading shell…</p>}>
              <ShellTerminal openShell={openShell} active={shown === "shell"} />
            </Suspense>
          )}
        </div>
      )}
    </section>
  );
}
