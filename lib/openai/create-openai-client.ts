/**
 * The one way the code builds an OpenAI client: the key and base URL come from our
 * configuration only. Everything the package would otherwise take from its own
 * environment variables (organization, project, admin key, webhook secret) is set to
 * nothing, so no header is added that our configuration does not name.
 */
import OpenAI from "openai";

export interface OpenAiClientOptions {
  apiKey: string;
  baseURL: string;
  /** Per attempt, in milliseconds. */
  timeoutMs: number;
  maxRetries: number;
}

export function createOpenAiClient(options: OpenAiClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
}

/**
 * The package waits about half a second before its first retry (its exponential
 * backoff starts at 0.5 s, less up to a quarter of jitter); a Retry-After the server
 * sends can ask for longer, and our own time limit cuts that short.
 */
export const FIRST_RETRY_DELAY_MS = 500;
/** Below this an attempt could not finish an image: spend the whole budget on one try. */
const SHORTEST_USEFUL_ATTEMPT_MS = 10_000;

/**
 * The client's own timeout and retries for calls bounded by `budgetMs` (our
 * PROVIDER_TIMEOUT_MS): every attempt plus the backoff between them ends before our
 * limit does, so the client never retries into a call we have already given up on.
 * One retry covers a dropped connection or a 5xx; a 400 (a refused prompt) is never
 * retried by the package.
 */
export function openAiCallLimits(budgetMs: number): { timeoutMs: number; maxRetries: number } {
  const maxRetries = 1;
  const timeoutMs = Math.floor((budgetMs - FIRST_RETRY_DELAY_MS) / (maxRetries + 1)) - 1;
  if (timeoutMs >= SHORTEST_USEFUL_ATTEMPT_MS) return { timeoutMs, maxRetries };
  return { timeoutMs: budgetMs - 1, maxRetries: 0 };
}
