export { TerminalPanel } from "./terminal-panel";
export type { TerminalPanelProps } from "./terminal-panel";
