/**
 * Structured logs, one JSON object a line. Fields name ids (uid, job, order), never
 * personal data or prompts.
 */
type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: Level, event: string, fields: Fields): void {
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
  if (error instanceof Error) return { errorName: error.name, errorCode: (error as { code?: string }).code ?? null, errorMessage: error.message };
  return { errorMessage: String(error) };
}
