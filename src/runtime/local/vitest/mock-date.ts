/**
 * `vi.setSystemTime` without fake timers: swaps the global Date for one frozen at a given instant.
 * Ported from Vitest 4, which ports https://github.com/boblauer/MockDate (MIT).
 */
export const RealDate = Date;
let now: number | null = null;

class MockDate extends RealDate {
  constructor(...args: unknown[]) {
    super();
    let date: Date;
    if (args.length === 0) date = now !== null ? new RealDate(now) : new RealDate();
    else if (args.length === 1) date = new RealDate(args[0] as string | number | Date);
    else {
      const [y, m, d = 1, h = 0, min = 0, s = 0, ms = 0] = args as number[];
      date = new RealDate(y, m, d || 1, h || 0, min || 0, s || 0, ms || 0);
    }
    Object.setPrototypeOf(date, MockDate.prototype);
    return date as MockDate;
  }

  static override now(): number {
    return new MockDate().valueOf();
  }

  static override parse(text: string): number {
    return RealDate.parse(text);
  }

  static override toString(): string {
    return RealDate.toString();
  }
}

export function mockDate(date: Date): void {
  const at = new RealDate(date.valueOf());
  if (Number.isNaN(at.getTime())) throw new TypeError(`mockdate: The time set is an invalid date: ${date}`);
  globalThis.Date = MockDate as DateConstructor;
  now = at.valueOf();
}

export function resetDate(): void {
  globalThis.Date = RealDate;
}
