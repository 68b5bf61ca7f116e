import { useEffect, useRef, useState } from "react";
import { formatClock, timeLeft, warningFor } from "./timer";

export interface InterviewTimerProps {
  startedAtMs: number;
  minutes: number | null;
  /** Stops the clock (after submitting) at this time. */
  stoppedAtMs?: number;
  onTimeUp(): void;
}

/**
 * The countdown (or, untimed, the time used) from the session's persisted start, so a reload or
 * a crash does not give time back. Warns at 5 and at 1 minute; calls onTimeUp once at zero.
 */
export function InterviewTimer({ startedAtMs, minutes, stoppedAtMs, onTimeUp }: InterviewTimerProps) {
  const [now, setNow] = useState(() => Date.now());
  const onTimeUpRef = useRef(onTimeUp);
  onTimeUpRef.current = onTimeUp;
  const at = stoppedAtMs ?? now;
  const left = timeLeft(startedAtMs, minutes, at);
  const up = left === 0;

  useEffect(() => {
    if (stoppedAtMs !== undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [stoppedAtMs]);
  useEffect(() => {
    if (up && stoppedAtMs === undefined) onTimeUpRef.current();
  }, [up, stoppedAtMs]);

  const warning = stoppedAtMs === undefined ? warningFor(left, minutes) : undefined;
  return (
    <div className="interview-timer">
      {left === undefined ? (
        <span role="timer" aria-label="Time used" className="clock">
          {formatClock(Math.max(0, at - startedAtMs))}
        </span>
      ) : (
        <span role="timer" aria-label="Time left" className={`clock${warning ? " clock-warning" : ""}`}>
          {formatClock(left, true)}
        </span>
      )}
      <span className="clock-caption" aria-hidden="true">
        {left === undefined ? "used (untimed)" : `left of ${formatLimit(minutes!)}`}
      </span>
      {warning && (
        <p role="alert" className="timer-warning" key={warning}>
          {warning}
        </p>
      )}
    </div>
  );
}

function formatLimit(minutes: number): string {
  return minutes >= 1 && Number.isInteger(minutes) ? `${minutes} min` : formatClock(minutes * 60_000);
}
