import { useColorScheme } from "../../app/use-color-scheme";
import "./code-preview.css";

export interface CodePreviewProps {
  file: string;
  text: string;
  fontSize: number;
}

/**
 * The file as plain text, laid out as Monaco will show it, while Monaco loads: evaluating and
 * starting Monaco takes ~0.6 s of main thread after its chunks arrive, and the learner's own code
 * is what they came to see. Nothing can be typed here, so nothing typed can be lost.
 */
export function CodePreview({ file, text, fontSize }: CodePreviewProps) {
  const lines = text.split("\n");
  const scheme = useColorScheme();
  return (
    <div className="code-preview" data-scheme={scheme} aria-busy="true" style={{ fontSize, lineHeight: `${lineHeight(fontSize)}px` }}>
      <p className="visually-hidden">Loading editor…</p>
      <ol className="code-preview-lines" aria-label={`${file}, read-only while the editor loads`}>
        {lines.map((line, i) => (
          // A line's index is its identity here: the preview never reorders.
          <li key={i}>{line || " "}</li>
        ))}
      </ol>
    </div>
  );
}

/** Monaco's own rule off macOS (EditorFontInfo: 1.35 × the font size), so lines do not jump on the swap. */
const lineHeight = (fontSize: number) => Math.round(fontSize * 1.35);
