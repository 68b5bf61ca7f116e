import type { ITheme } from "@xterm/xterm";

/** Matches Monaco's vs / vs-dark backgrounds so the editor and terminal read as one surface. */
export const lightTheme: ITheme = {
  background: "#fffffe",
  foreground: "#1f2328",
  cursor: "#1f2328",
  selectionBackground: "#add6ff",
  black: "#1f2328",
  red: "#c4314b",
  green: "#116329",
  yellow: "#8a6100",
  blue: "#0550ae",
  magenta: "#8250df",
  cyan: "#1b7c83",
  white: "#6e7781",
  brightBlack: "#57606a",
};

export const darkTheme: ITheme = {
  background: "#1e1e1e",
  foreground: "#d4d4d4",
  cursor: "#d4d4d4",
  selectionBackground: "#264f78",
  black: "#1e1e1e",
  red: "#f48771",
  green: "#89d185",
  yellow: "#e2c08d",
  blue: "#75beff",
  magenta: "#d670d6",
  cyan: "#4ec9b0",
  white: "#d4d4d4",
  brightBlack: "#8b949e",
};

const DARK = "(prefers-color-scheme: dark)";

export function currentTheme(): ITheme {
  // embed.html's host may force a theme (data-theme on <html>); otherwise the system's.
  const forced = document.documentElement.dataset.theme;
  if (forced === "dark" || forced === "light") return forced === "dark" ? darkTheme : lightTheme;
  return matchMedia(DARK).matches ? darkTheme : lightTheme;
}

/** Calls back with the new theme whenever the system, or a forced theme, switches between light and dark. */
export function onThemeChange(listener: (theme: ITheme) => void): () => void {
  const query = matchMedia(DARK);
  const handler = () => listener(currentTheme());
  query.addEventListener("change", handler);
  const forced = new MutationObserver(handler);
  forced.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => {
    query.removeEventListener("change", handler);
    forced.disconnect();
  };
}
