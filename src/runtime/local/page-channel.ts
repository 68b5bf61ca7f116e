/**
 * The page's side of the worker's private channel (see hardening/worker-channel.ts): the first
 * message on the worker's global channel carries the port; everything after it there came from
 * code under test and is dropped and counted. Messages to the worker wait for the port.
 */
import type { FromWorker, ToWorker } from "./protocol";
import type { WorkerLike } from "./spawn-worker";

/** One end of a MessageChannel, as the page uses it; a fake stands in for it in unit tests. */
export interface PortLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  close(): void;
}

export interface ChannelHandshake {
  type: "channel";
  port: PortLike;
}

export interface PageChannel {
  post(message: ToWorker): void;
  close(): void;
}

export function openPageChannel(worker: WorkerLike, receive: (message: FromWorker) => void, forged: () => void): PageChannel {
  let port: PortLike | undefined;
  let queued: ToWorker[] = [];
  worker.onmessage = (({ data }: MessageEvent<unknown>) => {
    const handshake = data as Partial<ChannelHandshake> | undefined;
    if (port || handshake?.type !== "channel" || !handshake.port) return forged();
    port = handshake.port;
    port.onmessage = (event) => receive(event.data);
    for (const message of queued) port.postMessage(message);
    queued = [];
  }) as WorkerLike["onmessage"];
  return {
    post: (message) => (port ? port.postMessage(message) : void queued.push(message)),
    close: () => port?.close(),
  };
}
