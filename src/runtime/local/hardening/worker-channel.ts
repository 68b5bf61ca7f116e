/// <reference lib="webworker" />
/**
 * The worker's side of its private channel to the page. Imported first by the worker, before any
 * code under test can run: a MessageChannel's port goes to the page in the first message on the
 * worker's global channel, and from then on the runtime speaks only over that port. The global
 * channel is closed to code under test: self.postMessage, onmessage and message listeners are
 * replaced with traps that drop the call and record tampering. The page drops and counts anything
 * else that arrives on the global channel.
 */
import type { FromWorker, ToWorker } from "../protocol";
import { recordTampering } from "./tampering";

declare const self: DedicatedWorkerGlobalScope;

export const CHANNEL_HANDSHAKE = "channel";

const { defineProperty } = Object;
/** Where postMessage lives on the global's prototype chain (not the first prototype in Chromium). */
const scope = ownerOf(self, "postMessage") as DedicatedWorkerGlobalScope;
const globalPost = scope.postMessage;
const addListener = EventTarget.prototype.addEventListener;
const apply = Reflect.apply;
const channel = new MessageChannel();
const port = channel.port1;
const portPost = port.postMessage;

/** Sends over the private port; the function was captured before code under test could replace it. */
export const post = (message: FromWorker): void => apply(portPost, port, [message]);

/** Listens on the private port and hands the other end to the page. */
export function openChannel(onMessage: (message: ToWorker) => void): void {
  port.onmessage = ({ data }: MessageEvent<ToWorker>) => onMessage(data);
  apply(globalPost, self, [{ type: CHANNEL_HANDSHAKE, port: channel.port2 }, [channel.port2]]);
  closeGlobalChannel();
}

function ownerOf(object: object, key: PropertyKey): object {
  for (let at: object | null = object; at; at = Object.getPrototypeOf(at)) if (Object.hasOwn(at, key)) return at;
  return object;
}

function closeGlobalChannel() {
  const trapPost = function postMessage() {
    recordTampering("called self.postMessage");
  };
  for (const target of [self, scope]) defineProperty(target, "postMessage", { value: trapPost, writable: false, configurable: false });
  let assigned: unknown = null;
  defineProperty(self, "onmessage", {
    configurable: false,
    get: () => assigned,
    set(value: unknown) {
      recordTampering("set self.onmessage");
      assigned = value;
    },
  });
  const trapAdd = function addEventListener(this: unknown, type: string, ...rest: unknown[]) {
    if (this === self && (type === "message" || type === "messageerror")) return recordTampering(`listened for "${type}" on the worker's global`);
    return apply(addListener, this, [type, ...rest]);
  };
  defineProperty(self, "addEventListener", { value: trapAdd, writable: false, configurable: false });
  // An accessor, not a read-only value: a read-only inherited property would also refuse
  // `signal.addEventListener = …` on an instance, which honest tests do (and Node allows).
  defineProperty(EventTarget.prototype, "addEventListener", {
    configurable: false,
    get: () => trapAdd,
    set(this: object, value: unknown) {
      if (this === EventTarget.prototype || this === self) return recordTampering("replaced addEventListener on the worker's global");
      defineProperty(this, "addEventListener", { value, writable: true, configurable: true, enumerable: true });
    },
  });
}
