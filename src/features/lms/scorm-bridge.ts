import { findExercise, loadExerciseFiles } from "../../exercises/catalog";
import { appStore, latestRun } from "../../store";
import { findApi } from "./scorm12-api";
import { Scorm12Session, SUSPEND_DATA_LIMIT } from "./scorm12-session";
import { decodeFiles, encodeFiles } from "./suspend-data";
import { scoreOf } from "./score";
import "./lms-notice.css";

/**
 * Connects one exercise's page to a SCORM 1.2 LMS: found by the usual API search from `win`, it
 * gets the learner's code back from suspend data, a score and pass/fail after each run, the code
 * as it is edited, and LMSFinish when the page goes. Without an LMS the page is left as it is.
 * The page itself is not involved: this only reads and writes the app's store.
 */
export async function connectScorm(win: Window, slug: string, packagedMastery: number): Promise<Scorm12Session | undefined> {
  const api = findApi(win);
  if (!api) return undefined;
  const problem = notice(win.document, "lms-notice-error");
  const session = Scorm12Session.start(api, {
    mastery: packagedMastery,
    onError: (message) => problem.show(`The course (LMS) reported a problem; your work is still saved in this browser. ${message}`),
  });
  if (!session) return undefined;

  // The starter is the suspend data's dictionary (suspend-data.ts).
  const entry = findExercise(slug);
  const starter = entry ? (await loadExerciseFiles(entry.path)).starter : {};
  const restored = decodeFiles(session.suspendData, starter);
  const store = appStore.getState();
  for (const [path, text] of Object.entries(restored ?? {})) store.setFile(slug, path, text);

  const tooLong = notice(win.document, "lms-notice-size");
  const save = (files: Record<string, string>) => {
    const data = encodeFiles(files, starter);
    if (session.saveSuspendData(data)) tooLong.hide();
    else {
      tooLong.show(
        `Your code no longer fits in what the course can keep (${data.length} characters compressed, SCORM 1.2 allows ${SUSPEND_DATA_LIMIT}): ` +
          "it is saved in this browser only, and your score is still reported.",
      );
    }
  };

  const reported = new Set((appStore.getState().runs[slug] ?? []).map((r) => r.id));
  appStore.subscribe((state, previous) => {
    if (state.runs[slug] !== previous.runs[slug]) {
      const run = latestRun(state.runs[slug]);
      if (run?.results && !reported.has(run.id)) {
        reported.add(run.id);
        session.reportScore(scoreOf(run.results));
      }
    }
    if (state.files[slug] !== previous.files[slug]) save(state.files[slug] ?? {});
  });

  win.addEventListener("visibilitychange", () => win.document.visibilityState === "hidden" && session.flush());
  win.addEventListener("pagehide", () => session.finish());
  win.addEventListener("unload", () => session.finish());
  return session;
}

/** A line at the top of the page, outside React: the page's own components know nothing of the LMS. */
function notice(doc: Document, className: string): { show(text: string): void; hide(): void } {
  let element: HTMLElement | undefined;
  return {
    show(text) {
      element ??= Object.assign(doc.createElement("p"), { className: `lms-notice ${className}` });
      element.setAttribute("role", "alert");
      element.textContent = text;
      if (!element.isConnected) doc.body.prepend(element);
    },
    hide() {
      element?.remove();
    },
  };
}
