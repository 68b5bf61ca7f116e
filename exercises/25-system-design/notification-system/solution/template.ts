import { NotifyError } from "./types";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

/**
 * Fills {{name}} placeholders from `data`. Values are escaped when the text is HTML (email);
 * SMS and push are plain text, where "&amp;" would reach the user as five characters.
 */
export function render(text: string, data: Record<string, string>, options: { html: boolean }): string {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new NotifyError("MISSING_VARIABLE", `template variable "${name}" has no value in the event's data`);
    return options.html ? escapeHtml(data[name]) : data[name];
  });
}
