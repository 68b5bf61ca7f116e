import { describe, expect, it } from "vitest";
import { connectWebSocket, type TestSocket, type WebSocketHandler } from "@roadlab/realtime";
import { chatServer, type ChatOptions } from "../chat";

const defaults: ChatOptions = { maxBufferedBytes: 100_000, rateLimit: { messages: 1000, windowMs: 1000 } };
const open = (server: WebSocketHandler, user: string) => connectWebSocket(server, { url: `ws://chat/?user=${user}` });
const next = async (socket: TestSocket) => JSON.parse((await socket.nextMessage()) as string);
const send = (socket: TestSocket, message: unknown) => socket.send(JSON.stringify(message));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function drain(socket: TestSocket) {
  await settle();
  const messages = [];
  while (socket.unread > 0) messages.push(await next(socket));
  return messages;
}
async function joined(server: WebSocketHandler, room: string, ...users: string[]) {
  const sockets: TestSocket[] = [];
  for (const user of users) {
    const socket = await open(server, user);
    send(socket, { type: "join", room });
    await settle();
    sockets.push(socket);
  }
  for (const socket of sockets) await drain(socket);
  return sockets;
}

describe("rooms and presence", () => {
  it("answers a join with the members, sorted, and tells the others", async () => {
    const server = chatServer(defaults);
    const cy = await open(server, "cy");
    send(cy, { type: "join", room: "general" });
    expect(await next(cy)).toEqual({ type: "joined", room: "general", members: ["cy"] });
    const ann = await open(server, "ann");
    send(ann, { type: "join", room: "general" });
    expect(await next(ann)).toEqual({ type: "joined", room: "general", members: ["ann", "cy"] });
    expect(await next(cy)).toEqual({ type: "presence", room: "general", user: "ann", status: "online" });
  });

  it("says offline to the room when a member leaves, and stops sending them its messages", async () => {
    const server = chatServer(defaults);
    const [ann, bob] = await joined(server, "general", "ann", "bob");
    send(bob, { type: "leave", room: "general" });
    expect(await next(bob)).toEqual({ type: "left", room: "general" });
    expect(await next(ann)).toEqual({ type: "presence", room: "general", user: "bob", status: "offline" });
    send(ann, { type: "say", room: "general", text: "still here?" });
    await drain(ann);
    expect(await drain(bob)).toEqual([]);
  });

  it("says offline in every room of a member whose socket closed", async () => {
    const server = chatServer(defaults);
    const [ann, bob] = await joined(server, "general", "ann", "bob");
    const [cy] = await joined(server, "random", "cy");
    send(bob, { type: "join", room: "random" });
    await drain(bob);
    await drain(cy);
    bob.close();
    await bob.closed;
    expect(await drain(ann)).toEqual([{ type: "presence", room: "general", user: "bob", status: "offline" }]);
    expect(await drain(cy)).toEqual([{ type: "presence", room: "random", user: "bob", status: "offline" }]);
  });

  it("closes a connection without a user with 1008", async () => {
    for (const url of ["ws://chat/", "ws://chat/?user="]) {
      const socket = await connectWebSocket(chatServer(defaults), { url });
      expect((await socket.closed).code).toBe(1008);
    }
  });
});

describe("messages", () => {
  it("sends a message to the rest of the room and an ack to the sender", async () => {
    const server = chatServer(defaults);
    const [ann, bob, cy] = await joined(server, "general", "ann", "bob", "cy");
    send(ann, { type: "say", room: "general", text: "hello" });
    const message = { type: "message", room: "general", from: "ann", text: "hello", seq: 1 };
    expect(await next(bob)).toEqual(message);
    expect(await next(cy)).toEqual(message);
    expect(await drain(ann)).toEqual([{ type: "ack", room: "general", seq: 1 }]);
  });

  it("keeps rooms apart", async () => {
    const server = chatServer(defaults);
    const [ann] = await joined(server, "general", "ann");
    const [bob] = await joined(server, "random", "bob");
    send(ann, { type: "say", room: "general", text: "only here" });
    await drain(ann);
    expect(await drain(bob)).toEqual([]);
  });

  it("numbers messages per room, one after another", async () => {
    const server = chatServer(defaults);
    const [ann, bob] = await joined(server, "general", "ann", "bob");
    send(ann, { type: "join", room: "random" });
    send(bob, { type: "join", room: "random" });
    await drain(ann);
    await drain(bob);
    send(ann, { type: "say", room: "general", text: "g1" });
    send(bob, { type: "say", room: "random", text: "r1" });
    send(bob, { type: "say", room: "general", text: "g2" });
    send(ann, { type: "say", room: "random", text: "r2" });
    const seen = [...(await drain(ann)), ...(await drain(bob))].filter((m) => m.type === "message").map((m) => `${m.text}:${m.seq}`);
    expect(seen.sort()).toEqual(["g1:1", "g2:2", "r1:1", "r2:2"]);
  });

  it("refuses to speak in, join again or leave a room out of turn", async () => {
    const server = chatServer(defaults);
    const [ann] = await joined(server, "general", "ann");
    send(ann, { type: "say", room: "random", text: "hi" });
    expect(await next(ann)).toEqual({ type: "error", code: "NOT_IN_ROOM" });
    send(ann, { type: "leave", room: "random" });
    expect(await next(ann)).toEqual({ type: "error", code: "NOT_IN_ROOM" });
    send(ann, { type: "join", room: "general" });
    expect(await next(ann)).toEqual({ type: "error", code: "ALREADY_IN_ROOM" });
  });

  it.each([
    ["not JSON", "{type: say"],
    ["an unknown type", JSON.stringify({ type: "shout", room: "general" })],
    ["no text", JSON.stringify({ type: "say", room: "general" })],
    ["empty text", JSON.stringify({ type: "say", room: "general", text: "" })],
    ["501 characters", JSON.stringify({ type: "say", room: "general", text: "x".repeat(501) })],
    ["a bad room name", JSON.stringify({ type: "join", room: "General Chat" })],
    ["an extra field", JSON.stringify({ type: "say", room: "general", text: "hi", from: "bob" })],
    ["an array", "[]"],
  ])("answers BAD_MESSAGE to %s and keeps the connection", async (_name, frame) => {
    const server = chatServer(defaults);
    const [ann, bob] = await joined(server, "general", "ann", "bob");
    ann.send(frame);
    expect(await next(ann)).toEqual({ type: "error", code: "BAD_MESSAGE" });
    expect(await drain(bob)).toEqual([]);
    send(ann, { type: "say", room: "general", text: "x".repeat(500) });
    expect((await next(bob)).text).toHaveLength(500);
  });

  it("closes with 1003 on a binary frame", async () => {
    const ann = await open(chatServer(defaults), "ann");
    ann.send(new Uint8Array([1, 2, 3]));
    expect((await ann.closed).code).toBe(1003);
  });
});

describe("limits", () => {
  it("rate-limits each connection over a sliding window, not counting refused frames", async () => {
    let time = 0;
    const server = chatServer({ ...defaults, rateLimit: { messages: 3, windowMs: 1000 }, now: () => time });
    const [ann, bob] = await joined(server, "general", "ann", "bob");
    // joining used one of ann's three frames at time 0
    time = 500;
    ann.send("not json, but it counts");
    send(ann, { type: "say", room: "general", text: "1" });
    send(ann, { type: "say", room: "general", text: "2" });
    send(bob, { type: "say", room: "general", text: "bob is not limited by ann" });
    expect((await drain(ann)).map((m) => m.code ?? m.type)).toEqual(["BAD_MESSAGE", "ack", "RATE_LIMITED", "message"]);
    time = 999;
    send(ann, { type: "say", room: "general", text: "4" });
    expect(await next(ann)).toEqual({ type: "error", code: "RATE_LIMITED" });
    time = 1000;
    send(ann, { type: "say", room: "general", text: "5" });
    expect(await next(ann)).toMatchObject({ type: "ack" });
    send(ann, { type: "say", room: "general", text: "6" });
    expect(await next(ann)).toEqual({ type: "error", code: "RATE_LIMITED" });
    expect((await drain(bob)).filter((m) => m.type === "message").map((m) => m.text)).toEqual(["1", "5"]);
  });

  it("disconnects a reader whose unread bytes would pass the limit, with 1008", async () => {
    const size = JSON.stringify({ type: "message", room: "general", from: "ann", text: "tick", seq: 1 }).length;
    const server = chatServer({ ...defaults, maxBufferedBytes: 3 * size });
    const [ann, bob, cy] = await joined(server, "general", "ann", "bob", "cy");
    for (let i = 0; i < 5; i++) {
      send(ann, { type: "say", room: "general", text: "tick" });
      await drain(ann);
      await drain(cy);
    }
    expect(bob.received.filter((m) => JSON.parse(m as string).type === "message")).toHaveLength(3);
    expect((await bob.closed).code).toBe(1008);
    expect(ann.readyState).toBe(1);
    expect(cy.readyState).toBe(1);
    expect(cy.received.map((m) => JSON.parse(m as string))).toContainEqual({ type: "presence", room: "general", user: "bob", status: "offline" });
  });
});
