/**
 * Structured logs, one JSON object a line. Fields name ids (uid, job, order), never
 * personal data or prompts.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
type Level = Exclude<LogLevel, "silent">;
type Fields = Record<string, string | number | boolean | null | undefined>;

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };
let minimum: LogLevel = "info";

/** Set once from configuration when the services are built. */
export function setLogLevel(level: LogLevel): void {
  minimum = level;
}

function write(level: Level, event: string, fields: Fields): void {
  if (RANK[level] < RANK[minimum]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export const logger = {
  debug: (event: string, fields: Fields = {}) => write("debug", event, fields),
  info: (event: string, fields: Fields = {}) => write("info", event, fields),
  warn: (event: string, fields: Fields = {}) => write("warn", event, fields),
  error: (event: string, fields: Fields = {}) => write("error", event, fields),
};

export function errorFields(error: unknown): Fields {
  if (error instanceof Error)
    return { errorName: error.name, errorCode: (error as { code?: string }).code ?? null, errorMessage: error.message };
  return { errorMessage: String(error) };
}
