/**
 * Who may see a member page is decided on the server, before any page code reaches the
 * browser: proxy.ts sends a visitor without a session cookie to sign in, the member
 * layout sends one whose cookie does not verify to sign in and one who has not finished
 * signing up to finish it, and a member gets the page with their balance already in it.
 */
import { randomUUID } from "node:crypto";
import { SESSION_COOKIE } from "../../../lib/http/session-cookie";
import { ACCESS_RECORDS } from "../../../lib/privacy/access-records";
import { createMember } from "../../support/members";
import { e2eServices } from "../support/e2e-services";
import { expect, test } from "../support/test";
import { E2E, E2E_URL } from "../support/e2e-stack";
import { rawRequest, type RawResponse } from "../support/raw-http";

const OWN_HOST = new URL(E2E_URL).host;

async function identityToolkit<T>(method: string, body: unknown): Promise<T> {
  const response = await fetch(
    `http://127.0.0.1:${E2E.authPort}/identitytoolkit.googleapis.com/v1/${method}?key=demo-api-key`,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  expect(response.ok, method).toBe(true);
  return (await response.json()) as T;
}

/** A Firebase user with a session cookie, as the sign-in page leaves them; a member once `complete`. */
async function signedInUser(options: { complete: boolean }): Promise<{ cookie: string; idToken: string }> {
  const { idToken } = await identityToolkit<{ idToken: string }>("accounts:signUp", {
    email: `member-${randomUUID().slice(0, 8)}@example.test`,
    password: "correct horse battery staple",
    returnSecureToken: true,
  });
  if (options.complete) {
    const account = await fetch(`${E2E_URL}/api/account`, {
      method: "POST",
      headers: { authorization: `Bearer ${idToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        name: "E2E Member",
        ageConfirmed: true,
        consents: { terms: true, privacy: true, marketing: false },
      }),
    });
    expect(account.status).toBe(201);
  }
  const session = await fetch(`${E2E_URL}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: E2E_URL },
    body: JSON.stringify({ idToken }),
  });
  const cookie = /__session=[^;]*/.exec(session.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`No session cookie (${session.status})`);
  return { cookie, idToken };
}

async function buyThousandPoints(idToken: string): Promise<void> {
  const headers = { authorization: `Bearer ${idToken}`, "content-type": "application/json" };
  const order = await fetch(`${E2E_URL}/api/orders`, {
    method: "POST",
    headers: { ...headers, "idempotency-key": randomUUID() },
    body: JSON.stringify({ packageId: "points-1000", provider: "sandbox" }),
  });
  const { orderId } = (await order.json()) as { orderId: string };
  const paid = await fetch(`${E2E_URL}/api/payments/sandbox/${orderId}/complete`, { method: "POST", headers });
  expect(paid.status).toBe(200);
}

function get(path: string, cookie?: string): Promise<RawResponse> {
  return rawRequest({ path, headers: { host: OWN_HOST, ...(cookie ? { cookie } : {}) } });
}

/** Where a redirect points, as a same-origin path with its query. */
function redirectTarget(response: RawResponse): string {
  const url = new URL(String(response.headers.location), E2E_URL);
  expect(url.origin).toBe(new URL(E2E_URL).origin);
  return url.pathname + url.search;
}

test("a signed-out visit to a member page is sent to sign in by the server, with no page in the answer", async () => {
  for (const [path, target] of [
    ["/ko/points", "/ko/signin?next=%2Fpoints"],
    ["/en/generate", "/en/signin?next=%2Fgenerate"],
    ["/ko/gallery?page=2", "/ko/signin?next=%2Fgallery%3Fpage%3D2"],
  ] as const) {
    const response = await get(path);
    expect(response.status, path).toBe(307);
    expect(redirectTarget(response)).toBe(target);
    expect(response.text).not.toContain("<html");
  }
});

test("a session cookie that does not verify is sent to sign in by the server, coming back afterwards", async () => {
  for (const cookie of ["__session=forged", "__session=eyJhbGciOiJub25lIn0.e30."]) {
    const response = await get("/ko/points", cookie);
    expect(response.status, cookie).toBe(307);
    expect(redirectTarget(response)).toBe("/ko/signin?next=%2Fpoints");
  }
});

test("a signed-in user who has not finished signing up is sent to finish it by the server", async () => {
  const { cookie } = await signedInUser({ complete: false });
  const response = await get("/en/generate", cookie);
  expect(response.status).toBe(307);
  expect(redirectTarget(response)).toBe("/en/signup/complete");
});

test("a member gets the page with their balance in the header, before any script runs", async ({ browser }) => {
  const { cookie, idToken } = await signedInUser({ complete: true });
  await buyThousandPoints(idToken);
  expect((await get("/ko/points", cookie)).status).toBe(200);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const [name, value] = cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: E2E_URL }]);
  const page = await context.newPage();
  await page.goto("/ko/points");
  await expect(page.getByRole("banner")).toContainText("1,000");
  await context.close();
});

test("a member page rendered on the server is an access record of the session, as an API call is", async () => {
  // Made without the app's HTTP API, so nothing has recorded an access yet.
  const member = await createMember(e2eServices);
  const cookie = `${SESSION_COOKIE}=${await e2eServices.auth.createSessionCookie(member.idToken, 3_600_000)}`;
  const records = async () =>
    (
      await e2eServices.db.query({ collection: ACCESS_RECORDS, where: [{ field: "uid", op: "==", value: member.uid }] })
    ).map(({ data }) => data.event);
  expect(await records()).toEqual([]);
  expect((await get("/ko/gallery", cookie)).status).toBe(200);
  expect(await records()).toEqual(["session"]);
});

test("an address no page matches stays a 404, signed in or not", async () => {
  const { cookie } = await signedInUser({ complete: true });
  for (const path of ["/ko/no-such-page", "/en/points/extra"]) {
    expect((await get(path)).status, path).toBe(404);
    expect((await get(path, cookie)).status, `${path} signed in`).toBe(404);
  }
});
