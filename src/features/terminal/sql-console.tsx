import { useEffect, useRef } from "react";
import { Readline } from "xterm-readline";
import { bold, dim } from "./ansi";
import { isInputComplete } from "./sql/statement-complete";
import { runConsoleInput, type RunSql } from "./sql/run-console-input";
import { useXterm } from "./use-xterm";

const PROMPT = "roadlab=# ";

/** A psql-like console on the exercise's database; the logic lives in ./sql, this is the xterm glue. */
export default function SqlConsole({ runSql, active }: { runSql: RunSql; active: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const term = useXterm(host, "SQL console input");
  const runSqlRef = useRef(runSql);
  runSqlRef.current = runSql;

  useEffect(() => {
    if (!term) return;
    const readline = new Readline();
    term.loadAddon(readline);
    readline.setCheckHandler(isInputComplete);
    let stopped = false;

    readline.println(bold("Roadlab SQL console") + dim(" — PostgreSQL (PGlite) with this exercise's data. Type \\? for help."));
    void (async () => {
      while (!stopped) {
        const input = await readline.read(PROMPT);
        if (stopped) break;
        try {
          readline.print(await runConsoleInput(input, (query) => runSqlRef.current(query)));
        } catch (error) {
          readline.println(`ERROR:  ${(error as Error).message}`);
        }
      }
    })();
    return () => {
      stopped = true;
      readline.dispose();
    };
  }, [term]);

  useEffect(() => {
    if (active) term?.focus();
  }, [active, term]);

  return <div ref={host} className="terminal-host" />;
}
