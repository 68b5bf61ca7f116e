import { useEffect, useRef, useState } from "react";
import type { LogEvent } from "../../exercises/submission";

export const SPEEDS = [1, 4, 16, 64] as const;
/** Idle stretches are played as at most this long, so a coffee break does not stall the replay. */
const MAX_GAP_MS = 3000;
const TICK_MS = 100;

/**
 * The replay's position: `upTo` events applied (1 = just the start). Playing advances through the
 * log in session time at the chosen speed, with long idle gaps shortened.
 */
export function usePlayback(log: readonly LogEvent[]) {
  const [upTo, setUpTo] = useState(log.length);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(4);
  // The interval reads the position between renders; it is the source of truth while playing.
  const position = useRef(upTo);
  position.current = upTo;

  useEffect(() => {
    if (!playing) return;
    let clock = 0;
    const timer = setInterval(() => {
      clock += TICK_MS * speed;
      let next = position.current;
      while (next < log.length) {
        const gap = Math.min(log[next].t - log[next - 1].t, MAX_GAP_MS);
        if (gap > clock) break;
        clock -= gap;
        next++;
      }
      position.current = next;
      setUpTo(next);
      if (next >= log.length) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, log]);

  return {
    upTo,
    playing,
    speed,
    setSpeed,
    seek(to: number) {
      setUpTo(Math.min(Math.max(1, to), log.length));
    },
    toggle() {
      if (!playing && upTo >= log.length) setUpTo(1);
      setPlaying(!playing);
    },
  };
}
