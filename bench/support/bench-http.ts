/** The HTTP calls the benchmarks make as a member: the Auth emulator's REST API and ours with a bearer token. */
import { randomUUID } from "node:crypto";

export async function identityToolkit<T>(authHost: string, method: string, body: unknown): Promise<T> {
  const response = await fetch(`http://${authHost}/identitytoolkit.googleapis.com/v1/${method}?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** One call to our API with a Firebase ID token and a fresh Idempotency-Key; throws on any answer but 2xx. */
export async function api<T>(url: string, idToken: string, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${idToken}`,
      "content-type": "application/json",
      "idempotency-key": randomUUID(),
      ...init.headers,
    },
  });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
