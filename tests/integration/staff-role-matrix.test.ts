/**
 * The role matrix: every route under app/api, found on disk so a new one cannot be
 * left out. Every staff route is called as anonymous, as a member, as support and as
 * admin, and answers only the roles its row allows; every other route answers a
 * request carrying only a staff session exactly as it answers an anonymous one.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { STAFF_SESSION_COOKIE } from "../../lib/http/session-cookie";
import { getServices } from "../../lib/services";
import { STAFF_ACCESS_LOG } from "../../lib/staff/access-log";
import type { StaffRole } from "../../lib/staff/staff-actor";
import { call, readError } from "../support/http";
import { createMember } from "../support/members";
import { createStaff, signInStaffPassword, type TestStaff } from "../support/staff";

type Handler = Parameters<typeof call>[0];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === "route.ts" ? [join(dir, entry.name)] : [],
  );
}

interface Endpoint {
  path: string;
  /** The path as on disk, e.g. /api/staff/members/[memberId]. */
  template: string;
  method: (typeof METHODS)[number];
  handler: Handler;
  params: Record<string, string>;
}

const endpoints: Endpoint[] = [];
for (const file of routeFiles("app/api")) {
  const template = "/" + relative("app", file).split(sep).slice(0, -1).join("/");
  const module = (await import(`../../${file}`)) as Partial<Record<(typeof METHODS)[number], Handler>>;
  const names = [...template.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!);
  const params = Object.fromEntries(names.map((name) => [name, "matrix-id-0001"]));
  const path = template.replace(/\[(\w+)\]/g, "matrix-id-0001");
  for (const method of METHODS) {
    const handler = module[method];
    if (handler) endpoints.push({ path, template, method, handler, params });
  }
}

/** Who may call each staff console route; the sign-in steps come before any role. */
const STAFF_MATRIX: Record<string, { roles: StaffRole[]; query?: string; body?: unknown }> = {
  "GET /api/staff/members/matrix-id-0001": { roles: ["support", "admin"], query: "reason=inquiry" },
  "POST /api/staff/members/find": {
    roles: ["support", "admin"],
    query: "reason=inquiry",
    body: { query: "matrix@example.com" },
  },
  "GET /api/staff/refunds": { roles: ["support", "admin"] },
  "POST /api/staff/refunds/matrix-id-0001/approve": {
    roles: ["support", "admin"],
    body: { amount: 1000, points: 0, reason: "matrix" },
  },
  "POST /api/staff/refunds/matrix-id-0001/reject": { roles: ["support", "admin"], body: { reason: "matrix" } },
  "GET /api/staff/access-log": { roles: ["admin"] },
  "GET /api/staff/privacy-requests": { roles: ["support", "admin"] },
  "POST /api/staff/privacy-requests/matrix-id-0001/agent": { roles: ["support", "admin"], body: {} },
  "POST /api/staff/privacy-requests/matrix-id-0001/execute": { roles: ["support", "admin"], body: {} },
  "POST /api/staff/privacy-requests/matrix-id-0001/close": { roles: ["support", "admin"], body: {} },
  "GET /api/staff/inquiries": { roles: ["support", "admin"] },
  "POST /api/staff/inquiries/matrix-id-0001/answer": { roles: ["support", "admin"], body: {} },
  "POST /api/staff/members/matrix-id-0001/points": { roles: ["admin"], body: {} },
};
const SIGN_IN_STEPS = ["POST /api/staff/session", "DELETE /api/staff/session", "POST /api/staff/second-factor"];

const services = getServices();
let member: { uid: string; email: string; cookie: string };
const staff: Partial<Record<StaffRole, TestStaff>> = {};

beforeAll(async () => {
  const user = await createMember(services);
  member = {
    uid: user.uid,
    email: user.email,
    cookie: `__session=${await services.auth.createSessionCookie(user.idToken, 3_600_000)}`,
  };
  staff.support = await createStaff(services, "support");
  staff.admin = await createStaff(services, "admin");
});

const staffCookie = (role: StaffRole) => `${STAFF_SESSION_COOKIE}=${staff[role]!.token}`;
const key = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;
const staffEndpoints = endpoints.filter((endpoint) => endpoint.path.startsWith("/api/staff/"));
const otherEndpoints = endpoints.filter((endpoint) => !endpoint.path.startsWith("/api/staff/"));

function send(
  endpoint: Endpoint,
  cookie: string | undefined,
  query = "",
  body?: unknown,
  params = endpoint.params,
): Promise<Response> {
  return call(endpoint.handler, {
    method: endpoint.method,
    path: `${endpoint.template.replace(/\[(\w+)\]/g, (_, name: string) => params[name]!)}${query ? `?${query}` : ""}`,
    params,
    ...(cookie ? { cookie } : {}),
    ...(endpoint.method === "GET" || endpoint.method === "DELETE" ? {} : { body: body ?? {} }),
  });
}

describe("the staff routes", () => {
  it("are each in the matrix or a sign-in step", () => {
    expect(staffEndpoints.map(key).sort()).toEqual([...Object.keys(STAFF_MATRIX), ...SIGN_IN_STEPS].sort());
  });

  it.each(Object.entries(STAFF_MATRIX))("%s answers only its roles", async (name, row) => {
    const endpoint = staffEndpoints.find((candidate) => key(candidate) === name)!;
    const query = row.query ?? "";
    for (const cookie of [undefined, member.cookie]) {
      expect((await send(endpoint, cookie, query, row.body)).status, `${name} without a staff session`).toBe(401);
    }
    for (const role of ["support", "admin"] as const) {
      const status = (await send(endpoint, staffCookie(role), query, row.body)).status;
      if (row.roles.includes(role)) expect([401, 403], `${name} as ${role}`).not.toContain(status);
      else expect(status, `${name} as ${role}`).toBe(403);
    }
  });

  it("need their second factor: a session that has only the password is refused", async () => {
    const endpoint = staffEndpoints.find((candidate) => key(candidate) === "GET /api/staff/refunds")!;
    const half = await signInStaffPassword(services, staff.support!.email, staff.support!.password);
    expect((await send(endpoint, `${STAFF_SESSION_COOKIE}=${half.token}`)).status).toBe(401);
  });

  /** The member's entries of `action` in the access log, oldest first, for the support staff member. */
  async function logged(action: string) {
    const entries = await services.db.query({
      collection: STAFF_ACCESS_LOG,
      where: [{ field: "staffUid", op: "==", value: staff.support!.uid }],
    });
    return entries
      .map(({ data }) => data)
      .filter((entry) => entry.action === action)
      .sort((a, b) => a.seq - b.seq)
      .map(({ memberUid, reason, outcome }) => ({ memberUid, reason, outcome }));
  }

  it("refuse a member look-up without a reason (400), and log the refusal and the look-up", async () => {
    const endpoint = staffEndpoints.find((candidate) => key(candidate) === "GET /api/staff/members/matrix-id-0001")!;
    const byId = { memberId: member.uid };
    const refused = await send(endpoint, staffCookie("support"), "", undefined, byId);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("REASON_REQUIRED");
    const shown = await send(endpoint, staffCookie("support"), "reason=refund", undefined, byId);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ uid: member.uid, email: member.email, generations: null });
    const withContent = await send(endpoint, staffCookie("support"), "reason=image-complaint", undefined, byId);
    expect(await withContent.json()).toMatchObject({ generations: [] });

    expect((await logged("member.view")).slice(-3)).toEqual([
      { memberUid: null, reason: null, outcome: "refused" },
      { memberUid: member.uid, reason: "refund", outcome: "allowed" },
      { memberUid: member.uid, reason: "image-complaint", outcome: "allowed" },
    ]);
  });

  it("find a member by address or ID in a POST's body, for a reason, and log each finding", async () => {
    const endpoint = staffEndpoints.find((candidate) => key(candidate) === "POST /api/staff/members/find")!;
    const find = (body: unknown, query = "reason=inquiry") => send(endpoint, staffCookie("support"), query, body);

    const found = await find({ query: ` ${member.email.toUpperCase()} ` });
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ memberId: member.uid });
    const byId = await find({ query: member.uid });
    expect(await byId.json()).toEqual({ memberId: member.uid });
    const withoutReason = await find({ query: member.email }, "");
    expect(withoutReason.status).toBe(400);
    expect((await readError(withoutReason)).code).toBe("REASON_REQUIRED");
    for (const query of [
      `nobody-${member.uid}@example.com`,
      `no-such-${member.uid}`,
      "Hong Gildong",
      "x".repeat(200),
    ]) {
      const nobody = await find({ query });
      expect(nobody.status, query).toBe(404);
      expect((await readError(nobody)).code).toBe("NOT_FOUND");
    }
    for (const body of [{ query: "not@an address" }, { query: "  " }, {}, { query: "x".repeat(255) }]) {
      const refused = await find(body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect((await readError(refused)).details).toMatchObject({ fields: { query: expect.any(String) } });
    }

    const entries = await logged("member.find");
    expect(entries.slice(-11)).toEqual([
      { memberUid: member.uid, reason: "inquiry", outcome: "allowed" },
      { memberUid: member.uid, reason: "inquiry", outcome: "allowed" },
      { memberUid: null, reason: null, outcome: "refused" },
      ...Array.from({ length: 8 }, () => ({ memberUid: null, reason: "inquiry", outcome: "failed" })),
    ]);
  });
});

describe("every other route", () => {
  it.each(otherEndpoints.map((endpoint) => [key(endpoint), endpoint] as const))(
    "%s answers a staff session alone as it answers nobody",
    async (_name, endpoint) => {
      const anonymous = (await send(endpoint, undefined)).status;
      expect((await send(endpoint, staffCookie("admin"))).status).toBe(anonymous);
    },
  );

  it("includes the member routes, which refuse a staff session", () => {
    expect(otherEndpoints.map(key)).toEqual(
      expect.arrayContaining(["GET /api/me", "GET /api/orders", "POST /api/generations"]),
    );
  });
});
