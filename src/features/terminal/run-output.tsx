import { useEffect, useRef, useState } from "react";
import type { RunLog } from "../../store/run-log";
import { dim } from "./ansi";
import { RunWriter } from "./run-writer";
import { useXterm } from "./use-xterm";

/** Subscribes to the WebContainer's npm and Vitest output; resolves to an unsubscribe. */
export type WatchOutput = (write: (chunk: string) => void) => Promise<() => void>;

/**
 * Each run's output as it streams in. The Test results region is what assistive technology
 * relies on; this terminal repeats it with colour and adds the learner's console output.
 */
export default function RunOutput({ runs, watchOutput }: { runs: RunLog[]; watchOutput?: WatchOutput }) {
  const host = useRef<HTMLDivElement>(null);
  const term = useXterm(host, "Test output (read only)", {
    disableStdin: true,
    convertEol: true,
    cursorInactiveStyle: "none",
  });
  const [writer] = useState(() => new RunWriter());

  useEffect(() => {
    if (!term) return;
    // Hide the cursor: nothing is typed here.
    term.write("\x1b[?25l" + dim("Run tests (Ctrl+Enter) to see each test, its console output and the summary here.") + "\n");
    // The assistive live region would announce every test twice over the Test results region.
    term.element?.querySelector(".live-region")?.setAttribute("aria-live", "off");
  }, [term]);

  // In the WebContainer, npm install progress and Vitest's own output stream in here as well.
  useEffect(() => {
    if (!term || !watchOutput) return;
    let stop: (() => void) | undefined;
    let live = true;
    void watchOutput((chunk) => term.write(chunk)).then((unsubscribe) => (live ? (stop = unsubscribe) : unsubscribe()));
    return () => {
      live = false;
      stop?.();
    };
  }, [term, watchOutput]);

  // No dependency list: the store replaces `runs` on every event, and writing is a no-op when nothing is new.
  useEffect(() => {
    if (!term) return;
    const { reset, text } = writer.next(runs);
    if (reset) term.reset();
    if (text) term.write(text);
  });

  return <div ref={host} className="terminal-host" />;
}
