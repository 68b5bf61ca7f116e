import type { EmbedEvent, Files, HostCommand, Theme } from "./protocol";
import type { RunResults } from "../runtime/results";

/**
 * embed.js: what a host page imports to embed an exercise. Type imports only, so the build emits
 * it as one small file with no app code; the envelope's two constants are repeated on purpose.
 */
const SOURCE = "roadlab";
const VERSION = 1;

export interface EmbedOptions {
  slug: string;
  /** Where the app is deployed, ending in "/"; defaults to the folder embed.js was loaded from. */
  base?: string;
  theme?: Theme;
  /** An accessible name for the frame; defaults to "Roadlab exercise: <slug>". */
  title?: string;
  onReady?(slug: string): void;
  onResults?(results: RunResults): void;
  onCompleted?(outcome: { slug: string; passed: boolean; score: number }): void;
  onFilesChanged?(files: Files): void;
  /** The embed refused a command (or could not load the exercise). */
  onError?(message: string): void;
  /** Every message from the embed, after the ones above. */
  onMessage?(event: EmbedEvent): void;
}

export interface EmbeddedExercise {
  readonly iframe: HTMLIFrameElement;
  /** Resolves once the embed said `ready`. */
  readonly ready: Promise<void>;
  setFiles(files: Files): void;
  getFiles(): Promise<Files>;
  run(): void;
  reset(): void;
  setTheme(theme: Theme): void;
  destroy(): void;
}

export function embedExercise(element: HTMLElement, options: EmbedOptions): EmbeddedExercise {
  const base = new URL(options.base ?? new URL(".", import.meta.url).href, location.href);
  const theme = options.theme ?? "light";
  const iframe = document.createElement("iframe");
  iframe.src = new URL(`embed.html#/${encodeURIComponent(options.slug)}?parent=${encodeURIComponent(location.origin)}&theme=${theme}`, base).href;
  iframe.title = options.title ?? `Roadlab exercise: ${options.slug}`;
  iframe.style.cssText = "display:block;width:100%;border:0;height:40rem";
  iframe.allow = "clipboard-write";

  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const waitingFiles: ((files: Files) => void)[] = [];

  const send = (command: HostCommand) => {
    // Commands wait for `ready`: before it the exercise is still loading and would refuse them.
    void ready.then(() => iframe.contentWindow?.postMessage({ source: SOURCE, version: VERSION, ...command }, base.origin));
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== base.origin) return;
    const data = event.data as (EmbedEvent & { source?: unknown; version?: unknown }) | null;
    if (typeof data !== "object" || data === null || data.source !== SOURCE || data.version !== VERSION) return;
    switch (data.type) {
      case "ready":
        markReady();
        options.onReady?.(data.slug);
        break;
      case "resize":
        if (typeof data.height === "number" && data.height > 0) iframe.style.height = `${Math.ceil(data.height)}px`;
        break;
      case "files":
        waitingFiles.splice(0).forEach((resolve) => resolve(data.files));
        break;
      case "files-changed":
        options.onFilesChanged?.(data.files);
        break;
      case "results":
        options.onResults?.(data.results);
        break;
      case "completed":
        options.onCompleted?.({ slug: data.slug, passed: data.passed, score: data.score });
        break;
      case "error":
        options.onError?.(data.message);
        break;
    }
    options.onMessage?.(data);
  };
  window.addEventListener("message", onMessage);
  element.append(iframe);

  return {
    iframe,
    ready,
    setFiles: (files) => send({ type: "set-files", files }),
    getFiles: () =>
      new Promise<Files>((resolve) => {
        waitingFiles.push(resolve);
        send({ type: "get-files" });
      }),
    run: () => send({ type: "run" }),
    reset: () => send({ type: "reset" }),
    setTheme: (next) => send({ type: "set-theme", theme: next }),
    destroy() {
      window.removeEventListener("message", onMessage);
      iframe.remove();
    },
  };
}
