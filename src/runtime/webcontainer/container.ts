import type { FileSystemTree } from "@webcontainer/api";

/**
 * The part of `@webcontainer/api`'s WebContainer the runtime uses. The real class satisfies it;
 * contract tests use a fake, since the real one needs StackBlitz's hosted service.
 */
export interface ContainerProcess {
  output: ReadableStream<string>;
  input: WritableStream<string>;
  exit: Promise<number>;
  kill(): void;
  resize?(dimensions: { cols: number; rows: number }): void;
}

export interface Container {
  mount(tree: FileSystemTree): Promise<void>;
  spawn(command: string, args: string[], options?: { cwd?: string; terminal?: { cols: number; rows: number } }): Promise<ContainerProcess>;
  fs: {
    readFile(path: string, encoding: "utf-8"): Promise<string>;
    writeFile(path: string, data: string): Promise<void>;
    mkdir(path: string, options: { recursive: true }): Promise<string | void>;
    rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
  };
  on(event: "server-ready", listener: (port: number, url: string) => void): () => void;
  on(event: "error", listener: (error: { message: string }) => void): () => void;
}

export type { FileSystemTree };
