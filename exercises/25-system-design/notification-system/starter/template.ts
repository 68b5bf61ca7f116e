/** Replaces & < > " ' with their HTML entities. */
export function escapeHtml(text: string): string {
  // TODO
  throw new Error("not implemented: escapeHtml");
}

/**
 * Fills {{name}} placeholders (spaces inside the braces allowed) from `data`, escaping the
 * values when `html` is true. A placeholder without a value throws NotifyError MISSING_VARIABLE.
 */
export function render(text: string, data: Record<string, string>, options: { html: boolean }): string {
  // TODO
  throw new Error("not implemented: render");
}
