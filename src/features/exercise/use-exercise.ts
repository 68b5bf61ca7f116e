import { useEffect, useState } from "react";
import { loadExerciseFiles, type CatalogEntry, type ExerciseFiles } from "../../exercises/catalog";
import { appStore } from "../../store";

/** Loads an exercise's files, remembers it as the last opened, and boots its database early. */
export function useExercise(entry: CatalogEntry): { files?: ExerciseFiles; error?: string } {
  const [state, setState] = useState<{ files?: ExerciseFiles; error?: string }>({});

  useEffect(() => {
    let live = true;
    const store = appStore.getState();
    store.markOpened(entry.slug);
    void store.prepareExercise(entry.slug).catch(() => {
      // The runtime status already says why; the editor stays usable.
    });
    loadExerciseFiles(entry.path).then(
      (files) => live && setState({ files }),
      (error: Error) => live && setState({ error: `The exercise's files could not be loaded: ${error.message}` }),
    );
    return () => {
      live = false;
    };
  }, [entry]);

  return state;
}
