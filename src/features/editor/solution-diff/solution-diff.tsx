import { DiffEditor } from "@monaco-editor/react";
import { useColorScheme } from "../../../app/use-color-scheme";
import { useEffect, useState } from "react";
import { monaco, themeFor } from "../monaco-setup";
import { languageOf } from "../use-file-models";

export interface SolutionDiffProps {
  slug: string;
  file: string;
  learner: string;
  solution: string;
  fontSize: number;
}

/**
 * The learner's file (left) against the solution's (right); both read-only, so nothing is
 * overwritten. Mount it keyed by file: its models belong to one file.
 */
let mounts = 0;

export function SolutionDiff({ slug, file, learner, solution, fontSize }: SolutionDiffProps) {
  const scheme = useColorScheme();
  // Fresh names per mount: TypeScript caches by name and version, and new models start at version 1.
  const [base] = useState(() => `${slug}/${++mounts}/${file}`);
  useEffect(
    () => () => {
      setTimeout(() => {
        for (const uri of [`learner:///${base}`, `solution:///${base}`]) monaco.editor.getModel(monaco.Uri.parse(uri))?.dispose();
      });
    },
    [base],
  );
  return (
    <DiffEditor
      original={learner}
      modified={solution}
      language={languageOf(file)}
      // Outside file:/// so the solution never joins the learner's TypeScript project.
      originalModelPath={`learner:///${base}`}
      modifiedModelPath={`solution:///${base}`}
      theme={themeFor(scheme)}
      // @monaco-editor/react disposes kept-less models before the widget lets go of them (a
      // "TextModel got disposed" error); keep them and dispose them ourselves after unmount.
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      loading={<p className="editor-loading">Loading the diff…</p>}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        useInlineViewWhenSpaceIsLimited: false,
        wordWrap: "on",
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
