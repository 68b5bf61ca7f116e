import { useEffect, useRef } from "react";
import type { ShellSession } from "../../runtime";
import { dim } from "./ansi";
import { useXterm } from "./use-xterm";

export type OpenShell = (size: { cols: number; rows: number }) => Promise<ShellSession>;

/** An interactive jsh in the WebContainer: xterm keys go to the process, its output to xterm. */
export default function ShellTerminal({ openShell, active }: { openShell: OpenShell; active: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const term = useXterm(host, "Shell input", { convertEol: false });

  useEffect(() => {
    if (!term) return;
    let stopped = false;
    let session: ShellSession | undefined;
    let writer: WritableStreamDefaultWriter<string> | undefined;
    term.write(dim("Starting a shell in the WebContainer…") + "\r\n");
    openShell({ cols: term.cols, rows: term.rows }).then(
      (opened) => {
        if (stopped) return opened.process.kill();
        session = opened;
        writer = opened.process.input.getWriter();
        void opened.process.output.pipeTo(new WritableStream({ write: (chunk) => term.write(chunk) })).catch(() => {});
        // The terminal may have been fitted while the shell started.
        opened.process.resize?.({ cols: term.cols, rows: term.rows });
      },
      (error: Error) => term.write(`The shell could not start: ${error.message}\r\n`),
    );
    const typing = term.onData((data) => void writer?.write(data));
    // useXterm fits the terminal to its pane; the shell then wraps lines at the new width.
    const resizing = term.onResize(({ cols, rows }) => session?.process.resize?.({ cols, rows }));
    return () => {
      stopped = true;
      typing.dispose();
      resizing.dispose();
      writer?.releaseLock();
      session?.process.kill();
    };
  }, [term, openShell]);

  useEffect(() => {
    if (active) term?.focus();
  }, [active, term]);

  return <div ref={host} className="terminal-host" />;
}
