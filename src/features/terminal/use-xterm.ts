import { useEffect, useState, type RefObject } from "react";
import { Terminal, type ITerminalOptions } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import "@xterm/xterm/css/xterm.css";
import { currentTheme, onThemeChange } from "./xterm-theme";

const FONT = 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace';

/**
 * An xterm mounted in `host`: sized to it (and re-fitted whenever it resizes, including when a
 * hidden tab is shown), themed after the system's light/dark setting. `inputLabel` names the
 * hidden textarea xterm takes keyboard input through.
 */
export function useXterm(
  host: RefObject<HTMLDivElement | null>,
  inputLabel: string,
  options: ITerminalOptions = {},
): Terminal | undefined {
  const [terminal, setTerminal] = useState<Terminal>();

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const term = new Terminal({
      fontFamily: FONT,
      fontSize: 13,
      scrollback: 5000,
      // Screen readers get the rows as a list and new output in a live region.
      screenReaderMode: true,
      // Keeps the coloured marks readable on both themes (WCAG AA).
      minimumContrastRatio: 4.5,
      theme: currentTheme(),
      ...options,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    term.textarea?.setAttribute("aria-label", inputLabel);

    let frame = 0;
    const refit = () => {
      cancelAnimationFrame(frame);
      // A hidden panel measures 0×0; fitting then would shrink the terminal to its minimum.
      frame = requestAnimationFrame(() => element.clientWidth > 0 && fit.fit());
    };
    const observer = new ResizeObserver(refit);
    observer.observe(element);
    refit();
    const stopTheme = onThemeChange((theme) => (term.options.theme = theme));
    setTerminal(term);

    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      stopTheme();
      term.dispose();
      setTerminal(undefined);
    };
    // The terminal is created once per mount; options are initial settings only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  return terminal;
}
