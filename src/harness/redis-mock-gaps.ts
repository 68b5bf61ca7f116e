/**
 * Where ioredis-mock answers differently from Redis 7 and an exercise needs the real behaviour,
 * the helper patches the mock (CI runs the same exercises against a real server to find these).
 *
 * - EXPIRE/PEXPIRE with NX, XX, GT or LT (Redis 7.0): the mock ignores the flag and always sets
 *   the expiry, so a fixed window would keep sliding.
 */
interface MockInternals {
  data: { has(key: string): boolean };
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

export function closeMockGaps(client: unknown): void {
  const mock = client as MockInternals;
  for (const [name, unit] of [["expire", 1000], ["pexpire", 1]] as const) {
    const emulate = expireWith(mock, unit);
    const command = async (...args: unknown[]) => emulate(String(args[0]), args[1] as number, args[2] === undefined ? undefined : String(args[2]));
    // Direct calls, and MULTI/pipelines, which copy custom commands when they are created.
    mock[name] = command;
    mock.customCommands[name] = command;
  }
}
