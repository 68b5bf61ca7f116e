/**
 * Where ioredis-mock answers differently from Redis 7 and an exercise needs the real behaviour,
 * the helper patches the mock (CI runs the same exercises against a real server to find these).
 *
 * - EXPIRE/PEXPIRE with NX, XX, GT or LT (Redis 7.0): the mock ignores the flag and always sets
 *   the expiry, so a fixed window would keep sliding.
 * - ZADD with GT or LT (Redis 6.2), or flags in another order or case: the mock reads the flags as
 *   score/member pairs, so a leaderboard's "keep the best score" adds a member named "GT". Its CH
 *   also counted unchanged scores, and INCR answered the count instead of the new score.
 */
interface SortedSetEntry {
  score: number;
  value: string;
}

interface MockInternals {
  data: { has(key: string): boolean; get(key: string): unknown; set(key: string, value: unknown): void };
  expires: { has(key: string): boolean; get(key: string): number; set(key: string, at: number): void };
  customCommands: Record<string, (...args: unknown[]) => Promise<unknown>>;
  [command: string]: unknown;
}

function expireWith(mock: MockInternals, unit: number) {
  return (key: string, amount: number | string, flag?: string): number => {
    if (!mock.data.has(key)) return 0;
    const at = Number(amount) * unit + Date.now();
    const current = mock.expires.has(key) ? mock.expires.get(key) : undefined;
    const mode = flag?.toUpperCase();
    if (mode === "NX" && current !== undefined) return 0;
    if (mode === "XX" && current === undefined) return 0;
    // No expiry counts as infinite: GT never beats it, LT always does.
    if (mode === "GT" && (current === undefined || at <= current)) return 0;
    if (mode === "LT" && current !== undefined && at >= current) return 0;
    mock.expires.set(key, at);
    return 1;
  };
}

const ZADD_FLAGS = ["NX", "XX", "GT", "LT", "CH", "INCR"];

function parseScore(text: unknown): number {
  const lower = String(text).toLowerCase();
  const score = lower === "+inf" || lower === "inf" ? Infinity : lower === "-inf" ? -Infinity : Number(text);
  if (Number.isNaN(score) || String(text).trim() === "") throw new Error("ERR value is not a valid float");
  return score;
}

/** How Redis prints a double in a reply (ZADD INCR, ZSCORE). */
function formatScore(score: number): string {
  return score === Infinity ? "inf" : score === -Infinity ? "-inf" : String(score);
}

function zaddWith(mock: MockInternals) {
  return (key: string, ...args: unknown[]): number | string | null => {
    const flags = new Set<string>();
    while (args.length > 0 && ZADD_FLAGS.includes(String(args[0]).toUpperCase())) flags.add(String(args.shift()).toUpperCase());
    if (args.length === 0 || args.length % 2 !== 0) throw new Error("ERR syntax error");
    if (flags.has("NX") && flags.has("XX")) throw new Error("ERR XX and NX options at the same time are not compatible");
    if ((flags.has("GT") && flags.has("LT")) || (flags.has("NX") && (flags.has("GT") || flags.has("LT")))) {
      throw new Error("ERR GT, LT, and/or NX options at the same time are not compatible");
    }
    if (flags.has("INCR") && args.length > 2) throw new Error("ERR INCR option supports a single increment-element pair");
    const pairs: [number, string][] = [];
    for (let i = 0; i < args.length; i += 2) pairs.push([parseScore(args[i]), String(args[i + 1])]);
    const current = mock.data.get(key);
    if (current !== undefined && !(current instanceof Map)) throw new Error("WRONGTYPE Operation against a key holding the wrong kind of value");
    const set = (current as Map<string, SortedSetEntry> | undefined) ?? new Map<string, SortedSetEntry>();
    let added = 0;
    let changed = 0;
    let result: number | null = null;
    for (const [score, member] of pairs) {
      const existing = set.get(member);
      if (existing ? flags.has("NX") : flags.has("XX")) continue;
      const next = flags.has("INCR") && existing ? existing.score + score : score;
      // GT and LT only stop updates: a new member is always added.
      if (existing && ((flags.has("GT") && next <= existing.score) || (flags.has("LT") && next >= existing.score))) continue;
      result = next;
      if (existing && existing.score === next) continue;
      set.set(member, { score: next, value: member });
      if (existing) changed++;
      else added++;
    }
    if (set.size > 0) mock.data.set(key, set);
    if (flags.has("INCR")) return result === null ? null : formatScore(result);
    return flags.has("CH") ? added + changed : added;
  };
}

export function closeMockGaps(client: unknown): void {
  const mock = client as MockInternals;
  const zadd = zaddWith(mock);
  const zaddCommand = async (...args: unknown[]) => zadd(String(args[0]), ...args.slice(1));
  mock.zadd = zaddCommand;
  mock.customCommands.zadd = zaddCommand;
  for (const [name, unit] of [["expire", 1000], ["pexpire", 1]] as const) {
    const emulate = expireWith(mock, unit);
    const command = async (...args: unknown[]) => emulate(String(args[0]), args[1] as number, args[2] === undefined ? undefined : String(args[2]));
    // Direct calls, and MULTI/pipelines, which copy custom commands when they are created.
    mock[name] = command;
    mock.customCommands[name] = command;
  }
}
