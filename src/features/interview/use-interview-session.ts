import { useEffect, useState } from "react";
import type { InterviewSettings } from "../../exercises/interview-settings";
import { InterviewSession } from "./session";

// One session per task and page: React's StrictMode mounts twice in development, and a second
// open would log a reload that never happened.
const opened = new Map<string, Promise<InterviewSession>>();

/** Opens (or resumes) the task's session once the starter is known, and logs leaving the page. */
export function useInterviewSession(settings: InterviewSettings, starter: Record<string, string> | undefined) {
  const [state, setState] = useState<{ session?: InterviewSession; error?: string }>({});

  useEffect(() => {
    if (!starter) return;
    let live = true;
    let open = opened.get(settings.hash);
    if (!open) {
      open = InterviewSession.open({ settings, starter, storage: localStorage });
      opened.set(settings.hash, open);
    }
    open.then(
      (session) => live && setState({ session }),
      (error: Error) => live && setState({ error: `The session could not start: ${error.message}` }),
    );
    return () => {
      live = false;
    };
  }, [settings, starter]);

  const { session } = state;
  useEffect(() => {
    if (!session) return;
    const away = () => session.blur();
    const back = () => session.focus();
    const visibility = () => (document.visibilityState === "hidden" ? away() : back());
    window.addEventListener("blur", away);
    window.addEventListener("focus", back);
    document.addEventListener("visibilitychange", visibility);
    return () => {
      window.removeEventListener("blur", away);
      window.removeEventListener("focus", back);
      document.removeEventListener("visibilitychange", visibility);
    };
  }, [session]);

  return state;
}
