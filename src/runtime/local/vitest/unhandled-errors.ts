/**
 * Errors nobody caught while tests ran (a rejected promise no one awaited, a throw in a timer).
 * In the worker they arrive as `error`/`unhandledrejection` events on the global scope; under plain
 * Node (the dev harness) as process events. They are kept from the default handler: the run reports them.
 */
export interface UnhandledErrors {
  readonly errors: unknown[];
  dispose(): void;
}

interface NodeProcess {
  on(event: string, listener: (error: unknown) => void): void;
  off(event: string, listener: (error: unknown) => void): void;
}

export function listenForUnhandledErrors(): UnhandledErrors {
  const errors: unknown[] = [];
  const scope = globalThis as Partial<Pick<WorkerGlobalScope, "addEventListener" | "removeEventListener">>;
  if (typeof scope.addEventListener === "function" && typeof scope.removeEventListener === "function") {
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      errors.push(event.error ?? new Error(event.message));
    };
    const onRejection = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      errors.push(event.reason);
    };
    scope.addEventListener("error", onError);
    scope.addEventListener("unhandledrejection", onRejection);
    return {
      errors,
      dispose() {
        scope.removeEventListener!("error", onError);
        scope.removeEventListener!("unhandledrejection", onRejection);
      },
    };
  }
  const process = (globalThis as { process?: NodeProcess }).process;
  const record = (error: unknown) => errors.push(error);
  process?.on("uncaughtException", record);
  process?.on("unhandledRejection", record);
  return {
    errors,
    dispose() {
      process?.off("uncaughtException", record);
      process?.off("unhandledRejection", record);
    },
  };
}
