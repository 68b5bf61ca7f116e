import type { Container, ContainerProcess, FileSystemTree } from "./container";

type Script = (process: FakeProcess, container: FakeContainer) => void;

/** A scripted process: tests decide what it prints and when it exits. */
export class FakeProcess implements ContainerProcess {
  killed = false;
  #finished = false;
  #controller!: ReadableStreamDefaultController<string>;
  #resolveExit!: (code: number) => void;
  output = new ReadableStream<string>({ start: (c) => void (this.#controller = c) });
  input = new WritableStream<string>();
  exit = new Promise<number>((resolve) => (this.#resolveExit = resolve));

  constructor(readonly command: string, readonly args: string[]) {}

  print(text: string) {
    this.#controller.enqueue(text);
  }
  finish(code = 0) {
    if (this.#finished) return;
    this.#finished = true;
    this.#controller.close();
    this.#resolveExit(code);
  }
  kill() {
    this.killed = true;
    this.finish(137);
  }
}

/** An in-memory WebContainer: a file map, spawn driven by per-command scripts, events on demand. */
export class FakeContainer implements Container {
  files = new Map<string, string>();
  spawned: FakeProcess[] = [];
  #serverListeners: ((port: number, url: string) => void)[] = [];

  constructor(private readonly scripts: Record<string, Script>) {}

  async mount(tree: FileSystemTree, prefix = "") {
    for (const [name, node] of Object.entries(tree)) {
      if ("file" in node && "contents" in node.file) this.files.set(prefix + name, String(node.file.contents));
      if ("directory" in node) await this.mount(node.directory, `${prefix}${name}/`);
    }
  }

  async spawn(command: string, args: string[]) {
    const process = new FakeProcess(command, args);
    this.spawned.push(process);
    const script = this.scripts[`${command} ${args[0] ?? ""}`.trim()] ?? this.scripts[command];
    queueMicrotask(() => (script ? script(process, this) : process.finish(0)));
    return process;
  }

  fs = {
    readFile: async (path: string) => {
      const text = this.files.get(path);
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    writeFile: async (path: string, data: string) => void this.files.set(path, data),
    mkdir: async () => undefined,
    rm: async (path: string) => {
      for (const name of [...this.files.keys()]) if (name === path || name.startsWith(`${path}/`)) this.files.delete(name);
    },
  };

  on(event: "server-ready" | "error", listener: (...args: never[]) => void) {
    if (event === "server-ready") this.#serverListeners.push(listener as (port: number, url: string) => void);
    return () => {};
  }

  startServer(port: number, url: string) {
    for (const listener of this.#serverListeners) listener(port, url);
  }
}
