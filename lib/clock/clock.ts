/**
 * Time, injectable so that expiry, leases, retention and waiting can be tested by
 * moving it.
 */
export interface Clock {
  now(): Date;
  /**
   * Resolves once `ms` of this clock's time has passed, or at once when `signal`
   * aborts (never rejects), so a loop that waits through the clock stops promptly.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const wake = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      signal?.addEventListener("abort", wake, { once: true });
    }),
};

interface Sleeper {
  until: number;
  wake: () => void;
}

/** A clock for tests: starts at a given instant and moves only when told; sleepers wake when it passes their time. */
export class ManualClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];

  constructor(start: Date | string = "2026-01-01T00:00:00.000Z") {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper: Sleeper = {
        until: this.current + ms,
        wake: () => {
          this.sleepers = this.sleepers.filter((other) => other !== sleeper);
          signal?.removeEventListener("abort", sleeper.wake);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener("abort", sleeper.wake, { once: true });
    });
  }

  /** How many sleeps are waiting for this clock to move (what a test expects to have stopped). */
  get pendingSleeps(): number {
    return this.sleepers.length;
  }

  advance(milliseconds: number): void {
    this.set(new Date(this.current + milliseconds));
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
    for (const sleeper of this.sleepers.filter((s) => s.until <= this.current)) sleeper.wake();
  }
}

export const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
