import type { Runtime } from "../types";
import { withFallback } from "../with-fallback";
import { browserEnvironment, unavailableReason } from "./availability";
import type { Container } from "./container";
import { createWebContainerRuntime, type WebContainerRuntime } from "./webcontainer-runtime";

export type { WebContainerRuntime, ShellSession } from "./webcontainer-runtime";

/** Output of npm and Vitest in the container, for whoever shows a terminal. */
export const containerOutput = new EventTarget();

/**
 * The WebContainer runtime with the in-page runtime behind it. Boot needs StackBlitz's hosted
 * service, cross-origin isolation, and (for commercial production use) StackBlitz's licence.
 */
export function createBrowserWebContainerRuntime(local: Runtime) {
  const reason = unavailableReason(browserEnvironment());
  const container = createWebContainerRuntime({
    // 15 s of boot plus the page's own start keeps the promised "within 20 s" of the notice offline.
    bootTimeoutMs: 15_000,
    boot: async () => {
      if (reason) throw new Error(reason);
      const { WebContainer } = await import("@webcontainer/api");
      return (await WebContainer.boot({ coep: "require-corp", workdirName: "project" })) as unknown as Container;
    },
    onOutput: (chunk) => containerOutput.dispatchEvent(new CustomEvent("output", { detail: chunk })),
  });
  const runtime = withFallback<WebContainerRuntime>(container, local, "The WebContainer runtime");
  container.prepare();
  return runtime;
}
