/** What whenQuiet watches: whether a run is going, and each start and end of one. */
export interface RunActivity {
  running(): boolean;
  onChange(listener: (running: boolean) => void): () => void;
}

/** How long no test may have run before background work starts. */
const QUIET_MS = 3000;

/** Resolves once no run has been going for `quietMs`: a run starting or ending begins the wait again. */
export function whenQuiet(activity: RunActivity, quietMs = QUIET_MS): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    };
    const finish = () => {
      if (activity.running()) return arm();
      unsubscribe();
      resolve();
    };
    // The quiet time counts from the end of the last run.
    const unsubscribe = activity.onChange(arm);
    arm();
  });
}
