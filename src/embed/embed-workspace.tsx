import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CatalogEntry } from "../exercises/catalog";
import { suggestion } from "../exercises/did-you-mean";
import { setColorScheme } from "../app/use-color-scheme";
import { EditorPane } from "../features/exercise/editor-pane/editor-pane";
import { Instructions } from "../features/exercise/instructions/instructions";
import { RuntimeStatus } from "../features/exercise/runtime-status/runtime-status";
import { useRunShortcut } from "../features/exercise/use-run-shortcut";
import { useWorkspace } from "../features/exercise/use-workspace";
import { TestResults } from "../features/results/test-results";
import { TerminalPanel } from "../features/terminal";
import { appStore } from "../store";
import { connectHost, type HostChannel } from "./host-channel";
import type { HostCommand } from "./protocol";
import { runEventsFeed } from "./run-events";

/** One exercise without the roadmap: the app's workspace pieces, stacked to fit a narrow frame. */
export function EmbedWorkspace({ entry, parent }: { entry: CatalogEntry; parent?: string }) {
  const { slug, config } = entry;
  const { exercise, files, runs, run, active, setActive, reveal, openLocation, markers, runTests } = useWorkspace(entry);
  const editable = useMemo(() => entry.files.filter((f) => !config.readonly.includes(f)), [entry.files, config.readonly]);
  const runNow = useCallback(() => void runTests(), [runTests]);
  useRunShortcut(runNow);
  const root = useRef<HTMLDivElement>(null);
  const channel = useHostChannel(parent, slug, editable, files, runNow, exercise.error);

  // The host sizes the frame to the content; the content has no viewport-relative heights.
  useEffect(() => {
    const element = root.current;
    if (!element || !channel) return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height !== last) channel.post({ type: "resize", height: (last = height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [channel]);

  return (
    <div className="embed" ref={root}>
      <header className="embed-header">
        <h1>{config.title}</h1>
        <RuntimeStatus required={config.runtime === "webcontainer"} />
      </header>
      <main className="embed-main">
        <div className="embed-instructions" tabIndex={0}>
          <Instructions title={config.title} readme={exercise.files?.readme} hints={config.hints} />
        </div>
        <EditorPane
          slug={slug}
          files={files}
          fileNames={entry.files}
          readonly={config.readonly}
          packages={config.packages}
          active={active}
          onSelect={setActive}
          reveal={reveal}
          markers={markers}
          onRun={runNow}
          allowSolution={false}
        />
        <div className="pane output-pane">
          {exercise.error && <p role="alert" className="run-error">{exercise.error}</p>}
          <TestResults run={run} files={entry.files} onOpenLocation={openLocation} />
          <TerminalPanel runs={runs} runSql={entry.hasSeed ? (query) => appStore.getState().runSql(query) : undefined} />
        </div>
      </main>
    </div>
  );
}

/** Connects to the host once the exercise's files are on screen, and answers its commands. */
function useHostChannel(
  parent: string | undefined,
  slug: string,
  editable: readonly string[],
  files: Record<string, string> | undefined,
  run: () => void,
  loadError: string | undefined,
): HostChannel | undefined {
  const [channel, setChannel] = useState<HostChannel>();
  useEffect(() => {
    if (!parent) return;
    const connected = connectHost(window, parent, (c) => handler.current(c));
    setChannel(connected);
    return () => {
      connected.close();
      setChannel(undefined);
    };
  }, [parent]);
  const filesRef = useRef(files);
  filesRef.current = files;
  const ready = files !== undefined;

  const handler = useRef<(command: HostCommand) => void>(() => {});
  handler.current = (command) => {
    if (!channel) return;
    const current = filesRef.current;
    if (!current) return channel.post({ type: "error", message: `${command.type}: the exercise is still loading; wait for "ready"` });
    const store = appStore.getState();
    switch (command.type) {
      case "set-files": {
        const unknown = Object.keys(command.files).find((name) => !editable.includes(name));
        if (unknown !== undefined) {
          return channel.post({
            type: "error",
            message: `set-files: files: expected only ${editable.join(", ")}, found "${unknown}"${suggestion(unknown, editable)}`,
          });
        }
        for (const [name, text] of Object.entries(command.files)) store.setFile(slug, name, text);
        return;
      }
      case "get-files":
        return channel.post({ type: "files", files: current });
      case "run":
        return run();
      case "reset":
        return store.resetToStarter(slug);
      case "set-theme":
        return setColorScheme(command.theme);
    }
  };

  useEffect(() => {
    if (channel && loadError) channel.post({ type: "error", message: loadError });
  }, [channel, loadError]);

  useEffect(() => {
    if (!channel || !ready) return;
    channel.post({ type: "ready", slug });
    const feed = runEventsFeed(slug, channel.post, appStore.getState().runs[slug]);
    return appStore.subscribe((state, previous) => {
      if (state.runs[slug] !== previous.runs[slug]) feed(state.runs[slug]);
    });
  }, [channel, ready, slug]);

  // What the learner (or a set-files, or a reset) changed, after the files the host got with ready.
  const told = useRef<Record<string, string>>(undefined);
  useEffect(() => {
    if (!channel || !files) return;
    if (told.current !== undefined && told.current !== files) channel.post({ type: "files-changed", files });
    told.current = files;
  }, [channel, files]);

  return channel;
}
