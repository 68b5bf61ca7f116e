/** Why the WebContainer runtime cannot start here, in words a learner can act on; undefined if it may. */
export function unavailableReason(env: {
  crossOriginIsolated?: boolean;
  onLine?: boolean;
  hasSharedArrayBuffer: boolean;
}): string | undefined {
  if (!env.hasSharedArrayBuffer) return "this browser lacks SharedArrayBuffer, which WebContainers need (use a recent Chrome, Edge or Firefox)";
  if (env.crossOriginIsolated === false) {
    return "this page is not cross-origin isolated (the host must send Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)";
  }
  if (env.onLine === false) return "there is no network connection, and WebContainers load from StackBlitz's servers";
  return undefined;
}

export function browserEnvironment() {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    onLine: globalThis.navigator?.onLine,
    hasSharedArrayBuffer: typeof SharedArrayBuffer === "function",
  };
}

/** Resolves like `promise`, or rejects with `message` after `ms` — `boot()` never settles offline. */
export function withTimeLimit<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
