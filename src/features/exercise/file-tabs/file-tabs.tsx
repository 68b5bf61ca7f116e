import { useRef, type KeyboardEvent } from "react";

export interface FileTabsProps {
  files: readonly string[];
  active: string;
  readonly: readonly string[];
  /** The id of the tabpanel the tabs control. */
  panelId: string;
  onSelect(file: string): void;
}

export const tabId = (file: string) => `file-tab-${file.replace(/[^\w-]/g, "_")}`;

/**
 * One tab per learner file, named exactly by the file name (the e2e contract). ARIA tabs
 * pattern: one tab stop, arrow keys and Home/End move and select (automatic activation).
 */
export function FileTabs({ files, active, readonly, panelId, onSelect }: FileTabsProps) {
  const tabs = useRef(new Map<string, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const index = files.indexOf(active);
    const target =
      event.key === "ArrowRight" ? (index + 1) % files.length
      : event.key === "ArrowLeft" ? (index - 1 + files.length) % files.length
      : event.key === "Home" ? 0
      : event.key === "End" ? files.length - 1
      : -1;
    if (target < 0) return;
    event.preventDefault();
    onSelect(files[target]);
    tabs.current.get(files[target])?.focus();
  };

  return (
    <div role="tablist" aria-label="Files" className="file-tabs" onKeyDown={onKeyDown}>
      {files.map((file) => {
        const selected = file === active;
        const locked = readonly.includes(file);
        return (
          <button
            key={file}
            ref={(el) => void (el ? tabs.current.set(file, el) : tabs.current.delete(file))}
            type="button"
            role="tab"
            id={tabId(file)}
            aria-selected={selected}
            aria-controls={panelId}
            aria-describedby={locked ? "read-only-note" : undefined}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(file)}
            className="file-tab"
          >
            {file}
            {locked && <span aria-hidden="true" className="read-only-badge">read-only</span>}
          </button>
        );
      })}
      <span id="read-only-note" hidden>
        Read-only
      </span>
    </div>
  );
}
