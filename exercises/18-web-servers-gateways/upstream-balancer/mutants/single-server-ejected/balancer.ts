import type { Balancer, BalancerOptions } from "./types";

interface State {
  name: string;
  weight: number;
  maxFails: number;
  failTimeoutMs: number;
  backup: boolean;
  down: boolean;
  /** Smooth weighted round robin's running score. */
  current: number;
  active: number;
  fails: number;
  lastFail: number;
  healthy: boolean;
  /** Consecutive health-check results in the current direction. */
  streak: number;
}

export function createBalancer({ servers, method = "round_robin", healthCheck = {}, now = Date.now }: BalancerOptions): Balancer {
  const { fails: checkFails = 1, passes: checkPasses = 1 } = healthCheck;
  const states: State[] = servers.map((s) => ({
    name: s.name, weight: s.weight ?? 1, maxFails: s.maxFails ?? 1, failTimeoutMs: s.failTimeoutMs ?? 10_000,
    backup: s.backup ?? false, down: s.down ?? false, current: 0, active: 0, fails: 0, lastFail: 0, healthy: true, streak: 0,
  }));
  const byName = (name: string) => {
    const found = states.find((s) => s.name === name);
    if (!found) throw new RangeError(`unknown server "${name}" (servers: ${states.map((s) => s.name).join(", ")})`);
    return found;
  };
  // nginx: "If there is only a single server in a group, max_fails, fail_timeout … are ignored."
  const single = states.length === 1;

  const available = (s: State) => {
    if (s.down || !s.healthy) return false;
    if (s.maxFails === 0) return true;
    return !(s.fails >= s.maxFails && now() - s.lastFail < s.failTimeoutMs);
  };

  /** nginx's smooth weighted round robin: raise every score by its weight, take the top, lower it by the total. */
  const smooth = (candidates: State[]) => {
    let total = 0;
    let best: State | undefined;
    for (const s of candidates) {
      s.current += s.weight;
      total += s.weight;
      if (!best || s.current > best.current) best = s;
    }
    best!.current -= total;
    return best!;
  };

  const choose = (candidates: State[]) => {
    if (method === "round_robin") return smooth(candidates);
    // Fewest active connections per unit of weight; ties share by weighted round robin.
    const ratio = (s: State) => s.active / s.weight;
    const least = Math.min(...candidates.map(ratio));
    return smooth(candidates.filter((s) => ratio(s) === least));
  };

  return {
    pick() {
      const usable = states.filter(available);
      const primaries = usable.filter((s) => !s.backup);
      const tier = primaries.length > 0 ? primaries : usable;
      if (tier.length === 0) return null;
      const chosen = choose(tier);
      chosen.active++;
      return chosen.name;
    },
    done(name, ok) {
      const s = byName(name);
      s.active = Math.max(0, s.active - 1);
      if (ok) {
        s.fails = 0;
        return;
      }
      const t = now();
      // Failures older than fail_timeout no longer count.
      if (t - s.lastFail >= s.failTimeoutMs) s.fails = 0;
      s.fails++;
      s.lastFail = t;
    },
    checked(name, healthy) {
      const s = byName(name);
      if (healthy === s.healthy) {
        s.streak = 0;
        return;
      }
      s.streak++;
      if (s.streak >= (healthy ? checkPasses : checkFails)) {
        s.healthy = healthy;
        s.streak = 0;
      }
    },
  };
}
