// Imported first: keeps the real timers where @vitest/runner looks them up, so test timeouts keep
// working while a test fakes the globals (vi.useFakeTimers) or a run tracks them (./timer-leaks).
import { setSafeTimers } from "@vitest/utils/timers";

setSafeTimers();
