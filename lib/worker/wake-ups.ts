import type { WorkKind } from "./work-signal";

/**
 * What the worker loop has been woken for since it last looked. A wake-up that comes
 * while the loop is busy is kept for its next turn, so none is lost between looking
 * and sleeping.
 */
export class WakeUps {
  private pending = new Set<WorkKind>();
  private wake: (() => void) | null = null;

  add(kind: WorkKind): void {
    this.pending.add(kind);
    this.wake?.();
  }

  /** Resolves at the first wake-up, at once if one is pending, or after `ms`, or on abort; gives the kinds and forgets them. */
  async next(ms: number, signal: AbortSignal): Promise<Set<WorkKind>> {
    if (this.pending.size === 0 && ms > 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          this.wake = null;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener("abort", done, { once: true });
        this.wake = done;
      });
    }
    const kinds = this.pending;
    this.pending = new Set();
    return kinds;
  }
}
