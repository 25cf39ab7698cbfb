/**
 * Structured logs, one JSON object a line. Fields name ids (uid, job, order), never
 * names, addresses or prompts. In production they go to Cloud Logging, whose default
 * bucket keeps them 30 days: the retention the privacy policy states.
 */
import { AppError } from "../errors/app-error";

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

/**
 * What a log may say of an error. Our own AppErrors are told by their code, message
 * key and diagnostic, which we wrote and which name no person (never the text shown
 * to people, which is in their language). Any other error's message is someone
 * else's text: a mail provider's bounce names the recipient, a model's refusal may
 * quote the prompt. So it is left out, and where the error came from is told by its
 * name, code and stack frames.
 */
export function errorFields(error: unknown): Fields {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const code = (error as { code?: unknown }).code;
  const fields: Fields = {
    errorName: error.name,
    errorCode: typeof code === "string" || typeof code === "number" ? code : null,
  };
  if (error instanceof AppError) {
    return {
      ...fields,
      errorKey: error.messageKey,
      ...(error.diagnostic ? { errorDiagnostic: error.diagnostic } : {}),
    };
  }
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 8)
    .map((line) => line.trim());
  return { ...fields, errorFrames: frames.join(" | ") };
}
