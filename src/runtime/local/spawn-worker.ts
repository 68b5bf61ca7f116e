import { bootDatabaseWorkerName, type FromWorker, type ToWorker } from "./protocol";

/** The worker as the runtime uses it; a fake stands in for it in unit tests. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

const createWorker = (bootDatabaseFor?: string) =>
  new Worker(new URL("./runtime.worker.ts", import.meta.url), {
    type: "module",
    name: bootDatabaseFor === undefined ? "roadlab-runtime" : bootDatabaseWorkerName(bootDatabaseFor),
  });

let early: WorkerLike | undefined;

/**
 * Starts the runtime worker now, ahead of the runtime that will use it (which first waits for the
 * stored settings and its own chunk), and for an exercise with a database PGlite's boot with it.
 * Small and free of the runtime's code, so the entry chunk can call it before rendering.
 */
export function startWorkerEarly(bootDatabaseFor?: string): void {
  if (early) return;
  early = new EarlyWorker(createWorker(bootDatabaseFor));
}

/** The worker started early, if any, else a new one. */
export function spawnWorker(): WorkerLike {
  const worker = early ?? createWorker();
  early = undefined;
  return worker;
}

/** Keeps what the worker says until the runtime listens: a dedicated worker's events are not queued. */
class EarlyWorker implements WorkerLike {
  private messages: MessageEvent<FromWorker>[] = [];
  private errors: ErrorEvent[] = [];
  private messageListener: WorkerLike["onmessage"] = null;
  private errorListener: WorkerLike["onerror"] = null;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<FromWorker>) => (this.messageListener ? this.messageListener(event) : this.messages.push(event));
    worker.onerror = (event) => (this.errorListener ? this.errorListener(event) : this.errors.push(event));
  }

  get onmessage() {
    return this.messageListener;
  }
  set onmessage(listener) {
    this.messageListener = listener;
    const kept = this.messages;
    this.messages = [];
    // After the caller has finished wiring up (it sets onerror next), in the order they came.
    if (listener) queueMicrotask(() => kept.forEach((event) => this.messageListener?.(event)));
  }

  get onerror() {
    return this.errorListener;
  }
  set onerror(listener) {
    this.errorListener = listener;
    const kept = this.errors;
    this.errors = [];
    if (listener) queueMicrotask(() => kept.forEach((event) => this.errorListener?.(event)));
  }

  postMessage(message: ToWorker) {
    this.worker.postMessage(message);
  }

  terminate() {
    this.worker.terminate();
  }
}
