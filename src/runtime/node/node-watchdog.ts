/**
 * When to give up on a Vitest child that stopped reporting. Vitest batches its progress events, so
 * the test worker also writes what it is doing to a progress file (setup marker, then each test's
 * name as it starts); its contents and modification time tell a slow-but-live run from a stuck one.
 */
export const SETUP_MARKER = "@setup";
export const LOADED_MARKER = "@loaded";

export interface Progress {
  content: string;
  mtimeMs: number;
}

export interface WatchState {
  now: number;
  startedAt: number;
  /** Last message from the child, if any. */
  lastMessageAt?: number;
  progress?: Progress;
  timeoutMs: number;
}

export const BUDGETS = {
  /** Vitest's own start-up before it reports anything. */
  startupMs: 30_000,
  /** Booting PGlite in the setup file: not learner code, and slow on a busy machine. */
  setupMs: 60_000,
  /** Added to the per-test timeout: Vitest's own timer fires first unless the thread is blocked. */
  graceMs: 2_000,
};

export type Verdict = { wait: number } | { stuck: true; test?: string };

export function judge(state: WatchState, budgets = BUDGETS): Verdict {
  const { now, progress } = state;
  let since: number;
  let limit: number;
  if (!progress && state.lastMessageAt === undefined) {
    since = state.startedAt;
    limit = budgets.startupMs;
  } else if (progress?.content === SETUP_MARKER) {
    since = progress.mtimeMs;
    limit = budgets.setupMs;
  } else {
    since = Math.max(state.lastMessageAt ?? 0, progress?.mtimeMs ?? 0, state.startedAt);
    limit = state.timeoutMs + budgets.graceMs;
  }
  const left = since + limit - now;
  if (left > 0) return { wait: left };
  const test = progress && !progress.content.startsWith("@") ? progress.content : undefined;
  return { stuck: true, test };
}
