import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postGeneration } from "../../app/api/generations/route";
import { GET as getGenerationRoute } from "../../app/api/generations/[id]/route";
import { GET as getPoints } from "../../app/api/points/route";
import { GET as getImages } from "../../app/api/images/route";
import { GET as getImageFile } from "../../app/api/images/[id]/file/route";
import { POST as postOrder } from "../../app/api/orders/route";
import type { Doc } from "../../lib/db/database";
import { GENERATIONS, type GenerationJob } from "../../lib/generation/generation-job";
import { POINT_ENTRIES } from "../../lib/points/ledger";
import { verifyLedger } from "../../lib/points/verify-ledger";
import { getServices } from "../../lib/services";
import { signUpUser, type TestUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { buyPoints, createMember } from "../support/members";

const services = getServices();

function submit(user: TestUser, body: unknown, key: string = randomUUID()): Promise<Response> {
  return call(postGeneration, {
    method: "POST",
    path: "/api/generations",
    token: user.idToken,
    body,
    headers: { "idempotency-key": key },
  });
}

async function balanceOf(user: TestUser): Promise<number> {
  const response = await call(getPoints, { path: "/api/points", token: user.idToken });
  return ((await response.json()) as { balance: number }).balance;
}

async function jobsOf(uid: string): Promise<Doc<GenerationJob>[]> {
  const jobs = await services.db.query({
    collection: GENERATIONS,
    where: [{ field: "status", op: "==", value: "queued" }],
  });
  return jobs.filter((job) => job.data.uid === uid);
}

const sketch = { prompt: "a lighthouse at dusk", model: "local-sketch", size: "512x512", count: 1 };

describe("POST /api/generations", () => {
  let member: TestUser;

  beforeAll(async () => {
    member = await createMember(services);
    await buyPoints(services, member.uid);
  });

  it("reserves the price from the server's table and queues the job", async () => {
    const response = await submit(member, { ...sketch, count: 2 });
    expect(response.status).toBe(202);
    const job = (await response.json()) as { id: string; status: string; pointsReserved: number };
    expect(job).toMatchObject({ status: "queued", pointsReserved: 20 });
    expect(await balanceOf(member)).toBe(980);
    const view = await call(getGenerationRoute, {
      path: `/api/generations/${job.id}`,
      params: { id: job.id },
      token: member.idToken,
    });
    expect(await view.json()).toMatchObject({
      id: job.id,
      status: "queued",
      images: [],
      pointsReserved: 20,
      pointsCharged: null,
    });
  });

  it("makes one job for the same Idempotency-Key sent twice, and refuses the key for other content", async () => {
    const before = await balanceOf(member);
    const key = randomUUID();
    const first = await submit(member, sketch, key);
    const second = await submit(member, sketch, key);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const [a, b] = [(await first.json()) as { id: string }, (await second.json()) as { id: string }];
    expect(b.id).toBe(a.id);
    expect(await balanceOf(member)).toBe(before - 10);
    const reused = await submit(member, { ...sketch, prompt: "something else" }, key);
    expect(reused.status).toBe(409);
    expect((await readError(reused)).code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await balanceOf(member)).toBe(before - 10);
  });

  const badInputs: [string, unknown, string][] = [
    ["an empty prompt", { ...sketch, prompt: "" }, "prompt"],
    ["a prompt of spaces only", { ...sketch, prompt: "   \n " }, "prompt"],
    ["a prompt over 1,000 characters", { ...sketch, prompt: "x".repeat(1001) }, "prompt"],
    ["an unknown model", { ...sketch, model: "dall-e-9" }, "model"],
    ["a size the model does not offer", { ...sketch, size: "1536x1024" }, "size"],
    ["a count of 0", { ...sketch, count: 0 }, "count"],
    ["a count of 5", { ...sketch, count: 5 }, "count"],
    ["a fractional count", { ...sketch, count: 1.5 }, "count"],
    ["a count sent as text", { ...sketch, count: "2" }, "count"],
    ["a missing prompt", { model: "local-sketch", size: "512x512", count: 1 }, "prompt"],
  ];

  it.each(badInputs)("refuses %s with 422 naming the field, and changes nothing", async (_name, body, field) => {
    const before = await balanceOf(member);
    const jobsBefore = (await jobsOf(member.uid)).length;
    const response = await submit(member, body);
    expect(response.status).toBe(422);
    const error = await readError(response);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys((error.details as { fields: Record<string, string> }).fields)).toContain(field);
    expect(await balanceOf(member)).toBe(before);
    expect((await jobsOf(member.uid)).length).toBe(jobsBefore);
  });

  it("accepts a prompt of exactly 1,000 characters after trimming", async () => {
    const response = await submit(member, { ...sketch, prompt: `  ${"y".repeat(1000)}  ` });
    expect(response.status).toBe(202);
  });

  it("refuses malformed JSON with 400 and a missing Idempotency-Key with 400", async () => {
    const before = await balanceOf(member);
    const malformed = await call(postGeneration, {
      method: "POST",
      path: "/api/generations",
      token: member.idToken,
      rawBody: '{"prompt": "half',
      headers: { "idempotency-key": randomUUID() },
    });
    expect(malformed.status).toBe(400);
    expect((await readError(malformed)).code).toBe("MALFORMED_JSON");
    const keyless = await call(postGeneration, {
      method: "POST",
      path: "/api/generations",
      token: member.idToken,
      body: sketch,
    });
    expect(keyless.status).toBe(400);
    expect((await readError(keyless)).code).toBe("IDEMPOTENCY_KEY_REQUIRED");
    expect(await balanceOf(member)).toBe(before);
  });

  it("answers 401 without credentials and with a forged token", async () => {
    const anonymous = await call(postGeneration, {
      method: "POST",
      path: "/api/generations",
      body: sketch,
      headers: { "idempotency-key": randomUUID() },
    });
    expect(anonymous.status).toBe(401);
    const forged = await submit({ ...member, idToken: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." }, sketch);
    expect(forged.status).toBe(401);
    expect((await readError(forged)).code).toBe("UNAUTHENTICATED");
  });

  it("answers 403 ACCOUNT_INCOMPLETE before sign-up is completed", async () => {
    const stranger = await signUpUser();
    const response = await submit(stranger, sketch);
    expect(response.status).toBe(403);
    expect((await readError(response)).code).toBe("ACCOUNT_INCOMPLETE");
  });

  it("answers 402 with the reason when points are short, reserving nothing", async () => {
    const poor = await createMember(services);
    const response = await submit(poor, sketch);
    expect(response.status).toBe(402);
    const error = await readError(response);
    expect(error).toMatchObject({ code: "INSUFFICIENT_POINTS", details: { required: 10, balance: 0 } });
    expect(await balanceOf(poor)).toBe(0);
    expect(await jobsOf(poor.uid)).toHaveLength(0);
  });

  it("does not show one member's generation to another", async () => {
    const response = await submit(member, sketch);
    const { id } = (await response.json()) as { id: string };
    const other = await createMember(services);
    const peek = await call(getGenerationRoute, {
      path: `/api/generations/${id}`,
      params: { id },
      token: other.idToken,
    });
    expect(peek.status).toBe(404);
  });
});

describe("malformed paths, cursors, cookies and bodies", () => {
  it("answers 404, 422, 401 or 400 with a reason, never 500", async () => {
    const member = await createMember(services);
    for (const id of ["__x__", "a/b", "x".repeat(2000), "..", "a b"]) {
      const response = await call(getImageFile, { path: "/api/images/x/file", params: { id }, token: member.idToken });
      expect(response.status).toBe(404);
      expect((await readError(response)).code).toBe("NOT_FOUND");
    }
    const cursor = Buffer.from(JSON.stringify({ v: "2026-01-01T00:00:00.000Z", id: "a/b" })).toString("base64url");
    expect((await call(getImages, { path: `/api/images?cursor=${cursor}`, token: member.idToken })).status).toBe(422);
    expect((await call(getImages, { path: "/api/images?limit=0", token: member.idToken })).status).toBe(422);
    expect((await call(getImages, { path: "/api/images?limit=abc", token: member.idToken })).status).toBe(422);
    for (const provider of ["constructor", "__proto__", "toString", "stripe"]) {
      const response = await call(postOrder, {
        method: "POST",
        path: "/api/orders",
        token: member.idToken,
        body: { packageId: "points-1000", provider },
        headers: { "Idempotency-Key": randomUUID() },
      });
      expect(response.status).toBe(422);
    }
    expect((await call(getPoints, { path: "/api/points", cookie: "__session=%E0%A4%A" })).status).toBe(401);
    const huge = await call(postGeneration, {
      method: "POST",
      path: "/api/generations",
      token: member.idToken,
      rawBody: JSON.stringify({ ...sketch, prompt: "p".repeat(70_000) }),
      headers: { "idempotency-key": randomUUID() },
    });
    expect(huge.status).toBe(413);
    expect((await readError(huge)).code).toBe("PAYLOAD_TOO_LARGE");
    expect(
      (
        await call(postGeneration, {
          method: "POST",
          path: "/api/generations",
          token: member.idToken,
          rawBody: "[1,2]",
          headers: { "idempotency-key": randomUUID() },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await call(postGeneration, {
          method: "POST",
          path: "/api/generations",
          token: member.idToken,
          rawBody: "null",
          headers: { "idempotency-key": randomUUID() },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await call(postGeneration, {
          method: "POST",
          path: "/api/generations",
          token: member.idToken,
          body: sketch,
          headers: { "idempotency-key": "short" },
        })
      ).status,
    ).toBe(422);
  });
});

describe("100 concurrent generation requests against a balance that covers 60 images", () => {
  it("accepts exactly 60, refuses 40 with 402, and ends at a balance of 0, never below", async () => {
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    // Spend 400 of the 1,000 points so the balance covers exactly 60 images at 10 points.
    for (let i = 0; i < 10; i++) expect((await submit(member, { ...sketch, count: 4 })).status).toBe(202);
    expect(await balanceOf(member)).toBe(600);

    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => submit(member, { ...sketch, prompt: `request ${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(60);
    expect(statuses.filter((s) => s === 402)).toHaveLength(40);
    expect(await balanceOf(member)).toBe(0);

    const entries = await services.db.query({
      collection: POINT_ENTRIES,
      where: [{ field: "uid", op: "==", value: member.uid }],
      orderBy: [{ field: "createdAt", direction: "desc" }],
    });
    expect(entries.every((entry) => entry.data.balanceAfter >= 0)).toBe(true);
    expect(entries.filter((entry) => entry.data.kind === "reserve")).toHaveLength(70);
    const ledger = await verifyLedger({ db: services.db });
    expect(ledger.problems).toEqual([]);
  });
});
