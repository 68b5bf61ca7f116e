/**
 * The few SGR colours the terminal uses. picocolors' browser build turns colours off, so these
 * are written out; xterm's minimumContrastRatio keeps them readable on both themes.
 */
const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

export const bold = sgr(1, 22);
export const dim = sgr(2, 22);
export const red = sgr(31, 39);
export const green = sgr(32, 39);
export const yellow = sgr(33, 39);
export const cyan = sgr(36, 39);

// eslint-disable-next-line no-control-regex
const CONTROLS = /\x1b\[[0-9;]*m|[\x00-\x08\x0b-\x1f\x7f]/g;

/**
 * Text from learner code or the database, made safe to write: control characters become their
 * Unicode pictures (␛, ␍, ␡ …) so they cannot move the cursor, clear the screen or trip xterm's
 * parser. Colour sequences (ESC[…m) survive when `keepColours` — Vitest's diffs use them.
 */
export function printable(text: string, keepColours = false): string {
  return text.replace(/\r\n/g, "\n").replace(CONTROLS, (match) => {
    if (match.length > 1) return keepColours ? match : printable(match);
    return match === "\x7f" ? "\u2421" : String.fromCharCode(0x2400 + match.charCodeAt(0));
  });
}
