import { useEffect, useRef } from "react";

/**
 * Ctrl/Cmd+Enter anywhere in the workspace runs the tests. Inside Monaco the editor's own
 * command handles it (Monaco would otherwise insert a line), so the page leaves those alone.
 */
export function useRunShortcut(run: () => void) {
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      if (event.target instanceof Element && event.target.closest(".monaco-editor")) return;
      event.preventDefault();
      runRef.current();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
