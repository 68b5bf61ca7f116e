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
