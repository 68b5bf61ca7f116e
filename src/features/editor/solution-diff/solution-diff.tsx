import { DiffEditor } from "@monaco-editor/react";
import { useColorScheme } from "../../../app/use-color-scheme";
import "../monaco-setup";
import { languageOf } from "../use-file-models";

export interface SolutionDiffProps {
  file: string;
  learner: string;
  solution: string;
  fontSize: number;
}

/** The learner's file (left) against the solution's (right); both read-only, so nothing is overwritten. */
export function SolutionDiff({ file, learner, solution, fontSize }: SolutionDiffProps) {
  const scheme = useColorScheme();
  return (
    <DiffEditor
      original={learner}
      modified={solution}
      language={languageOf(file)}
      // Outside file:/// so the solution never joins the learner's TypeScript project.
      originalModelPath={`learner:///${file}`}
      modifiedModelPath={`solution:///${file}`}
      theme={scheme === "dark" ? "vs-dark" : "vs"}
      loading={<p className="editor-loading">Loading the diff…</p>}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: true,
        automaticLayout: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        fontSize,
        ariaLabel: `Your ${file} compared with the solution's`,
      }}
    />
  );
}

export default SolutionDiff;
