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
}

export async function call(handler: Handler, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(`${APP_ORIGIN}${options.path}`, { method: options.method ?? "GET", headers, body });
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
