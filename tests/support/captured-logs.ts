/**
 * The structured log lines (lib/observability/logger.ts) a piece of code writes, for
 * tests that a failure is reported and says only what it may (ids, never prompts).
 */
import { vi } from "vitest";

export type LogLine = Record<string, unknown> & { level: string; event: string };

export interface CapturedLogs {
  lines(): LogLine[];
  /** The raw text written, to check that something (a prompt) appears nowhere. */
  text(): string;
  restore(): void;
}

export function captureLogs(): CapturedLogs {
  let text = "";
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
      return true;
    }),
  );
  return {
    lines: () =>
      text
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as LogLine),
    text: () => text,
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}
