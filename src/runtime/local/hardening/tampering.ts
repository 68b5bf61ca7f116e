/**
 * What code under test did to the runtime: writes to hardened intrinsics, overridden matchers,
 * reaching for the worker's channel. A run with any record can never pass (see results.ts).
 */
import type { Tampering } from "../../results";
import { callerFrames, type Frame } from "./stack";

/** Tells the runtime's own files from the exercise's: hidden tests and the learner's files. */
export interface CodeOrigins {
  /** The exercise-relative path of a stack frame's file, or undefined for the runtime's own code. */
  exerciseFile(url: string): string | undefined;
  /** Whether an exercise file is one of the hidden tests (or their helpers). */
  isHiddenTest(file: string): boolean;
}

const noOrigins: CodeOrigins = { exerciseFile: () => undefined, isHiddenTest: () => false };
let origins = noOrigins;
let sink: ((record: Tampering) => void) | undefined;
const records: Tampering[] = [];
const MAX_RECORDS = 20;

export function setCodeOrigins(next: CodeOrigins | undefined): void {
  origins = next ?? noOrigins;
}

/** Also hands each record to `next` as it happens (the Node runtime writes them to a file). */
export function setTamperingSink(next: ((record: Tampering) => void) | undefined): void {
  sink = next;
}

/** The exercise files on the stack, innermost first, as `file:line:column`. */
export function exerciseFrames(): { file: string; where: string }[] {
  const out: { file: string; where: string }[] = [];
  for (const frame of callerFrames()) {
    const file = origins.exerciseFile(frame.file);
    if (file !== undefined) out[out.length] = { file, where: format(file, frame) };
  }
  return out;
}

/**
 * Whether the caller is a hidden test and nothing else from the exercise: no learner frame on the
 * stack, and at least one hidden-test frame (a call scheduled straight from a timer has neither).
 */
export function calledByHiddenTest(): boolean {
  const frames = exerciseFrames();
  return frames.length > 0 && frames.every((f) => origins.isHiddenTest(f.file));
}

/** Records tampering, located at the innermost learner frame on the stack (else any exercise frame). */
export function recordTampering(what: string, where?: string): void {
  const frames = exerciseFrames();
  const located = where ?? (frames.find((f) => !origins.isHiddenTest(f.file)) ?? frames[0])?.where ?? "unknown";
  if (records.length >= MAX_RECORDS || records.some((r) => r.what === what && r.where === located)) return;
  const record = { what, where: located };
  records[records.length] = record;
  sink?.(record);
}

/** The records since the last call, which clears them. */
export function takeTampering(): Tampering[] {
  return records.splice(0, records.length);
}

function format(file: string, frame: Frame): string {
  return `${file}:${frame.line}:${frame.column}`;
}
