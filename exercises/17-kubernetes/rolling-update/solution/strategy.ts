import { DeploymentError, type Fenceposts, type IntOrPercent, type RollingUpdate } from "./types";

const PERCENT = /^(\d+)%$/;

function fail(field: string, expected: string, found: unknown): never {
  throw new DeploymentError("INVALID_STRATEGY", `strategy.rollingUpdate.${field}: expected ${expected}, found ${JSON.stringify(found)}`);
}

/** The value as an int or a percentage, as the API validates it. */
function parse(field: string, value: IntOrPercent): { percent: boolean; n: number } {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0) fail(field, "a whole number ≥ 0", value);
    return { percent: false, n: value };
  }
  const match = PERCENT.exec(value);
  if (!match) fail(field, 'a whole number or a percentage such as "25%"', value);
  return { percent: true, n: Number(match[1]) };
}

function scaled(value: { percent: boolean; n: number }, replicas: number, roundUp: boolean): number {
  if (!value.percent) return value.n;
  const exact = (value.n * replicas) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge and maxUnavailable as pod counts: surge rounds up, unavailable down, and never both 0. */
export function resolveStrategy(replicas: number, rollingUpdate: RollingUpdate = {}): Fenceposts {
  const surge = parse("maxSurge", rollingUpdate.maxSurge ?? "25%");
  const unavailable = parse("maxUnavailable", rollingUpdate.maxUnavailable ?? "25%");
  if (unavailable.percent && unavailable.n > 100) fail("maxUnavailable", "at most 100%", rollingUpdate.maxUnavailable);
  if (surge.n === 0 && unavailable.n === 0) fail("maxUnavailable", "not 0 when maxSurge is 0", rollingUpdate.maxUnavailable);
  const maxSurge = scaled(surge, replicas, true);
  let maxUnavailable = scaled(unavailable, replicas, false);
  // Rounding can make both 0 (10% of 5 rounds down): the controller then allows one unavailable pod, or nothing could move.
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}
