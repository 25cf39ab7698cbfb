/**
 * What the production server refuses before any page or route handler runs, checked
 * on the real server (Next's router included, which the integration tests leave out).
 */
import { expect, test } from "@playwright/test";
import { E2E, E2E_URL } from "../support/e2e-stack";
import { errorCodeOf, rawRequest, type RawResponse } from "../support/raw-http";

const OWN_HOST = new URL(E2E_URL).host;

function expectSecurityHeaders(response: RawResponse): void {
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["x-frame-options"]).toBe("DENY");
  expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
}

test("a path with bad percent-encoding is a 400 in the API's error shape, with the security headers", async () => {
  for (const [method, path] of [
    ["POST", "/api/generations/%/cancel"],
    ["GET", "/api/orders/%E0%A4%A"],
    ["GET", "/ko/mailbox/%"],
  ] as const) {
    const response = await rawRequest({ method, path, headers: { host: OWN_HOST, origin: E2E_URL } });
    expect(response.status, `${method} ${path}`).toBe(400);
    expect(errorCodeOf(response)).toBe("MALFORMED_URL");
    expectSecurityHeaders(response);
  }
});

test("requests for another host name are refused (DNS rebinding), the app's own host is served", async () => {
  const rebound = `attacker.example:${E2E.port}`;
  for (const path of ["/ko/mailbox", "/api/catalog", "/"]) {
    const refused = await rawRequest({ path, headers: { host: rebound } });
    expect(refused.status, path).toBe(421);
    expect(errorCodeOf(refused)).toBe("HOST_REFUSED");
    expectSecurityHeaders(refused);
  }
  expect((await rawRequest({ path: "/ko/mailbox", headers: { host: OWN_HOST } })).status).toBe(200);
});

test("a body without Content-Length is cut off at 64 KiB with 413, before the client has sent it all", async () => {
  const total = 32 * 1024 * 1024;
  const chunk = Buffer.alloc(64 * 1024, "a");
  const response = await rawRequest({
    method: "POST",
    path: "/api/password-reset",
    headers: { host: OWN_HOST, origin: E2E_URL, "content-type": "application/json" },
    chunks: (function* () {
      yield Buffer.from('{"email":"');
      for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
    })(),
  });
  expect(response.status).toBe(413);
  expect(errorCodeOf(response)).toBe("PAYLOAD_TOO_LARGE");
  expect(response.bytesSent).toBeLessThan(total);
});

test("a cross-site password reset sent as text/plain is refused", async () => {
  const response = await rawRequest({
    method: "POST",
    path: "/api/password-reset",
    headers: { host: OWN_HOST, origin: "https://attacker.example", "content-type": "text/plain" },
    chunks: [Buffer.from(JSON.stringify({ email: "someone@example.test" }))],
  });
  expect(response.status).toBe(403);
  expect(errorCodeOf(response)).toBe("CSRF_REJECTED");
});
