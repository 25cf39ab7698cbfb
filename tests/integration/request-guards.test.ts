/**
 * What every route handler refuses before it does anything: state-changing requests
 * from other origins (CSRF) and bodies that are not JSON.
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { POST as postAccount } from "../../app/api/account/route";
import { GET as getCatalog } from "../../app/api/catalog/route";
import { POST as postPasswordReset } from "../../app/api/password-reset/route";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import { getServices } from "../../lib/services";
import { translator } from "../../lib/i18n/messages";
import { signUpUser } from "../support/firebase-users";
import { APP_ORIGIN, call, readError } from "../support/http";

const services = getServices();
const FOREIGN_ORIGIN = "https://evil.example";
/** Requests without Accept-Language, from addresses without a member: Korean. */
const RESET_SUBJECT = translator({ locale: "ko", namespace: "mail" })("passwordReset.subject");
const completeSignUp = {
  name: "Guard Test",
  ageConfirmed: true,
  consents: { terms: true, privacy: true, marketing: false },
};

/** Reset mail is queued by the request and sent by the outbox sender: send what is queued, then count. */
async function resetMailsTo(email: string): Promise<number> {
  await deliverMailOutbox({ services });
  return (await services.localMailbox!.list()).filter((m) => m.to === email && m.subject === RESET_SUBJECT).length;
}

type Handler = Parameters<typeof call>[0];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === "route.ts" ? [join(dir, entry.name)] : [],
  );
}

async function stateChangingHandlers(): Promise<{ name: string; handler: Handler }[]> {
  const found: { name: string; handler: Handler }[] = [];
  // Webhooks are called by providers, not pages: their signature check stands in for Origin (their own tests).
  for (const file of routeFiles("app/api").filter((path) => !path.includes("/webhooks/"))) {
    const module = (await import(resolve(file))) as Record<string, unknown>;
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const handler = module[method];
      if (typeof handler === "function") found.push({ name: `${method} ${file}`, handler: handler as Handler });
    }
  }
  return found;
}

describe("state-changing requests (CSRF)", () => {
  it("refuses a cross-site password reset sent as text/plain, and mails nothing", async () => {
    const user = await signUpUser();
    const response = await call(postPasswordReset, {
      method: "POST",
      path: "/api/password-reset",
      rawBody: JSON.stringify({ email: user.email }),
      headers: { origin: FOREIGN_ORIGIN, "content-type": "text/plain" },
    });
    expect(response.status).toBe(403);
    expect((await readError(response)).code).toBe("CSRF_REJECTED");
    expect(await resetMailsTo(user.email)).toBe(0);
  });

  it("refuses an unauthenticated mutation without Origin, and takes it with the app's own", async () => {
    const user = await signUpUser();
    const request = { method: "POST", path: "/api/password-reset", body: { email: user.email } };
    const noOrigin = await call(postPasswordReset, { ...request, origin: null });
    expect(noOrigin.status).toBe(403);
    expect((await readError(noOrigin)).code).toBe("CSRF_REJECTED");
    expect(await resetMailsTo(user.email)).toBe(0);
    expect((await call(postPasswordReset, { ...request, origin: APP_ORIGIN })).status).toBe(202);
    expect(await resetMailsTo(user.email)).toBe(1);
  });

  it("lets a bearer-token client omit Origin, but refuses a foreign Origin even with a bearer token", async () => {
    const apiClient = await signUpUser();
    const withoutOrigin = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: completeSignUp,
      token: apiClient.idToken,
      origin: null,
    });
    expect(withoutOrigin.status).toBe(201);
    const lured = await signUpUser();
    const crossSite = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: completeSignUp,
      token: lured.idToken,
      origin: FOREIGN_ORIGIN,
    });
    expect(crossSite.status).toBe(403);
    expect((await readError(crossSite)).code).toBe("CSRF_REJECTED");
  });

  it("is checked by every POST, PUT, PATCH and DELETE route before anything else", async () => {
    const user = await signUpUser();
    const handlers = await stateChangingHandlers();
    expect(handlers.length).toBeGreaterThanOrEqual(10);
    const answers: Record<string, string> = {};
    for (const { name, handler } of handlers) {
      const response = await call(handler, {
        method: name.split(" ")[0],
        path: "/api/any",
        params: { id: "abc123", orderId: "abc123" },
        body: { email: user.email },
        token: user.idToken,
        origin: FOREIGN_ORIGIN,
        headers: { "idempotency-key": "guard-test-key" },
      });
      const text = await response.text();
      answers[name] =
        `${response.status} ${text ? (JSON.parse(text) as { error?: { code?: string } }).error?.code : ""}`;
    }
    expect(
      Object.values(answers).every((answer) => answer === "403 CSRF_REJECTED"),
      JSON.stringify(answers),
    ).toBe(true);
  });
});

describe("the Host of API calls (local mode)", () => {
  it("must be APP_URL's: a rebound name is refused with 421 before any route runs", async () => {
    const rebound = await call(getCatalog, { path: "/api/catalog", headers: { host: "attacker.example:3100" } });
    expect(rebound.status).toBe(421);
    expect((await readError(rebound)).code).toBe("HOST_REFUSED");
    const own = await call(getCatalog, { path: "/api/catalog", headers: { host: new URL(APP_ORIGIN).host } });
    expect(own.status).toBe(200);
    // Local mode is plain http: no HSTS.
    expect(own.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("JSON bodies", () => {
  it("must be sent as Content-Type: application/json (415 otherwise), with any letter case and a UTF-8 charset", async () => {
    const user = await signUpUser();
    const body = JSON.stringify({ email: user.email });
    const send = (contentType: string | undefined) =>
      call(postPasswordReset, {
        method: "POST",
        path: "/api/password-reset",
        rawBody: body,
        headers: contentType === undefined ? {} : { "content-type": contentType },
      });
    for (const refused of ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"]) {
      const response = await send(refused);
      expect(response.status, refused).toBe(415);
      expect((await readError(response)).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(await resetMailsTo(user.email)).toBe(0);
    expect((await send("application/json; charset=utf-8")).status).toBe(202);
    expect((await send("Application/JSON")).status).toBe(202);
  });

  it("are cut off at 64 KiB when sent without Content-Length (413)", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
    });
    // Node's fetch needs duplex for a streamed body (the DOM typings lack it, hence no annotation here).
    const init = {
      method: "POST",
      body: endless,
      duplex: "half",
      headers: { origin: APP_ORIGIN, "content-type": "application/json" },
    };
    const response = await postPasswordReset(new Request(`${APP_ORIGIN}/api/password-reset`, init), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(413);
    expect((await readError(response)).code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(256 * 1024);
  });
});
