import { stripAnsi } from "../../../runtime/results";
import { segments, type SourceLocation } from "../locations";

export interface MessageTextProps {
  text: string;
  /** Learner files: locations in them become buttons that open the file there. */
  files: readonly string[];
  onOpenLocation(location: SourceLocation): void;
}

/** A failure message as preformatted text: diff lines marked, learner-file locations clickable. */
export function MessageText({ text, files, onOpenLocation }: MessageTextProps) {
  const lines = stripAnsi(text).split("\n");
  return (
    <pre className="message-text" tabIndex={0}>
      {lines.map((line, i) => (
        <span key={i} className={diffClass(line)}>
          {segments(line, files).map((part, j) =>
            part.location ? (
              <button key={j} type="button" className="location" onClick={() => onOpenLocation(part.location!)} title={`Open ${part.text} in the editor`}>
                {part.text}
              </button>
            ) : (
              part.text
            ),
          )}
          {i < lines.length - 1 ? "\n" : ""}
        </span>
      ))}
    </pre>
  );
}

/** Vitest's diffs: `- Expected` / `+ Received` and their lines. */
function diffClass(line: string): string | undefined {
  if (/^\s*- /.test(line) || /^\s*- Expected/.test(line)) return "diff-expected";
  if (/^\s*\+ /.test(line) || /^\s*\+ Received/.test(line)) return "diff-received";
  return undefined;
}
