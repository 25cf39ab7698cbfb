/**
 * Waits for a condition instead of sleeping and hoping: polls `probe` until it gives
 * something other than undefined, null or false, and returns that. On timeout the test
 * fails with what was awaited and the last answer (or error) of the probe.
 */
export interface WaitForOptions {
  /** What is awaited, for the failure message. */
  what?: string;
  timeoutMs?: number;
  intervalMs?: number;
}

export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitForOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 20;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
    } catch (error) {
      // A probe may fail while the condition is not reached yet (a file not written yet).
      last = error instanceof Error ? `${error.name}: ${error.message}` : error;
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${options.what ?? "a condition"}; the last check gave ${String(last)}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
