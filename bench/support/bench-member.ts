/**
 * A member for the page benchmarks, made through the real paths over HTTP: sign-up in
 * the Auth emulator, completing the account, a sandbox purchase, one finished
 * generation (so the gallery and a generation page have images), a pending order (for
 * a checkout page), and a session cookie as the sign-in page would get it.
 */
import { randomUUID } from "node:crypto";
import type { GenerationView } from "../../lib/generation/get-generation";
import { isFinished } from "../../components/shared/api-types";
import type { ProbeStack } from "./probe-stack";
import { api, identityToolkit } from "./bench-http";

export interface BenchMember {
  /** The value of the __session cookie, as the server set it. */
  sessionCookie: string;
  generationId: string;
  pendingOrderId: string;
}

const FINISH_TIMEOUT_MS = 60_000;

export async function createBenchMember(stack: ProbeStack): Promise<BenchMember> {
  const { url, authHost } = stack;
  const { idToken } = await identityToolkit<{ idToken: string }>(authHost, "accounts:signUp", {
    email: `bench-${randomUUID()}@example.test`,
    password: "correct horse battery staple",
    returnSecureToken: true,
  });
  await api(url, idToken, "/api/account", {
    method: "POST",
    body: JSON.stringify({
      name: "Bench Member",
      ageConfirmed: true,
      consents: { terms: true, privacy: true, marketing: false },
    }),
  });
  const paid = await api<{ orderId: string }>(url, idToken, "/api/orders", {
    method: "POST",
    body: JSON.stringify({ packageId: "points-1000", provider: "sandbox" }),
  });
  await api(url, idToken, `/api/payments/sandbox/${paid.orderId}/complete`, { method: "POST" });
  const job = await api<{ id: string }>(url, idToken, "/api/generations", {
    method: "POST",
    body: JSON.stringify({
      prompt: "a lighthouse on a cliff at dusk",
      model: "local-sketch",
      size: "512x512",
      count: 4,
    }),
  });
  const deadline = Date.now() + FINISH_TIMEOUT_MS;
  for (;;) {
    const view = await api<GenerationView>(url, idToken, `/api/generations/${job.id}`);
    if (isFinished(view.status)) break;
    if (Date.now() > deadline) throw new Error(`Generation ${job.id} did not finish in ${FINISH_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pending = await api<{ orderId: string }>(url, idToken, "/api/orders", {
    method: "POST",
    body: JSON.stringify({ packageId: "points-1000", provider: "sandbox" }),
  });

  const session = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ idToken }),
  });
  const sessionCookie = /__session=([^;]*)/.exec(session.headers.get("set-cookie") ?? "")?.[1];
  if (!session.ok || !sessionCookie) throw new Error(`POST /api/session: ${session.status}`);
  return { sessionCookie, generationId: job.id, pendingOrderId: pending.orderId };
}
