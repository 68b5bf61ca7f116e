import { useCallback, useMemo, useState } from "react";
import type { CatalogEntry } from "../../exercises/catalog";
import { appStore, latestRun, learnerFiles, useAppStore, useHydrated, type RunLog } from "../../store";
import type { EditorMarker } from "../editor/code-editor";
import { findLocations, type SourceLocation } from "../results/locations";
import { useExercise } from "./use-exercise";

const NO_RUNS: RunLog[] = [];

/**
 * One exercise's workspace state, shared by the app's page and embed.html: its files (saved
 * edits over the starter, once IndexedDB answered), runs, the open tab and the run's markers.
 */
export function useWorkspace(entry: CatalogEntry) {
  const { slug, config } = entry;
  const exercise = useExercise(entry);
  const hydrated = useHydrated();
  const edits = useAppStore((s) => s.files[slug]);
  const runs = useAppStore((s) => s.runs[slug]) ?? NO_RUNS;
  const run = latestRun(runs);
  const starter = exercise.files?.starter;
  const files = useMemo(() => (starter && hydrated ? learnerFiles(starter, edits, config.readonly) : undefined), [starter, hydrated, edits, config.readonly]);
  const [active, setActive] = useState(() => entry.files.find((f) => f === "main.ts") ?? entry.files.find((f) => !config.readonly.includes(f)) ?? entry.files[0]);
  const [reveal, setReveal] = useState<SourceLocation>();

  const runTests = useCallback(() => appStore.getState().runTests(slug), [slug]);

  const openLocation = useCallback((location: SourceLocation) => {
    setActive(location.file);
    setReveal({ ...location });
  }, []);

  // A run that could not complete (syntax error, time-out) marks the line it names in the editor.
  const markers = useMemo<EditorMarker[]>(() => {
    const message = run?.results?.status === "error" ? run.results.message : undefined;
    return message ? findLocations(message, entry.files).map(({ file, line, column }) => ({ file, line, column, message })) : [];
  }, [run, entry.files]);

  return { exercise, files, runs, run, active, setActive, reveal, openLocation, markers, runTests };
}
