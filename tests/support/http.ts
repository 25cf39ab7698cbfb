/**
 * Calls our Next.js route handlers as the server would: a real Request in, a real
 * Response out. Only Next's router is left out (e2e tests cover it).
 */
export const APP_ORIGIN = "http://localhost:3100";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /**
   * The Origin header. By default what the app's pages send: their own origin on every
   * request but GET and HEAD, and none from an API client (a call with `token`).
   * null sends none.
   */
  origin?: string | null;
}

const READS = new Set(["GET", "HEAD"]);

export async function call(handler: Handler, options: CallOptions): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { ...options.headers };
  const origin = options.origin !== undefined ? options.origin : options.token || READS.has(method) ? null : APP_ORIGIN;
  if (origin !== null) headers.origin ??= origin;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(`${APP_ORIGIN}${options.path}`, { method, headers, body });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

export async function readError(
  response: Response,
): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const data = (await response.json()) as {
    error: { code: string; message: string; details?: Record<string, unknown> };
  };
  return data.error;
}
