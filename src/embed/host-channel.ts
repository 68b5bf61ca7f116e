import { envelope, parseCommand, type EmbedEvent, type HostCommand } from "./protocol";

export interface HostChannel {
  post(event: EmbedEvent): void;
  close(): void;
}

/**
 * The embed's side of the protocol: talks only to `window.parent`, only at `parentOrigin`
 * (targetOrigin is that origin, never "*"). Messages from any other window or origin are ignored
 * unanswered; a malformed one from the host is answered with `error`.
 */
export function connectHost(win: Window, parentOrigin: string, onCommand: (command: HostCommand) => void): HostChannel {
  const parent = win.parent;
  const post = (event: EmbedEvent) => parent.postMessage(envelope(event), parentOrigin);
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== parentOrigin || parent === win) return;
    const parsed = parseCommand(event.data);
    if (parsed.ok) onCommand(parsed.command);
    else post({ type: "error", message: parsed.message });
  };
  win.addEventListener("message", onMessage);
  return { post, close: () => win.removeEventListener("message", onMessage) };
}
