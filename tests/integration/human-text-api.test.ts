/**
 * Names and prompts with control characters, lone surrogates, direction overrides or
 * nothing visible are refused through the API with 422 naming the field, and nothing
 * is stored: no member, no consent record, no job, no points held.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postAccount } from "../../app/api/account/route";
import { POST as postGeneration } from "../../app/api/generations/route";
import { CONSENT_RECORDS, MEMBERS } from "../../lib/accounts/members";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { RESERVATIONS } from "../../lib/points/reservations";
import { POINT_ACCOUNTS } from "../../lib/points/ledger";
import { getServices } from "../../lib/services";
import { signUpUser, type TestUser } from "../support/firebase-users";
import { call, readError } from "../support/http";
import { buyPoints, createMember } from "../support/members";

const services = getServices();
const signUp = { ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false }, locale: "en" };
const sketch = { model: "local-sketch", size: "512x512", count: 1 };

const badText: [string, string][] = [
  ["a NUL", "Kim\u0000Minji"],
  ["a lone surrogate", "Kim\ud800Minji"],
  ["a right-to-left override", "Kim\u202eijniM"],
  ["a directional isolate", "\u2066Kim\u2069"],
  ["only zero-width characters", "\u200b\u200d\ufeff"],
];

async function fieldsOf(response: Response): Promise<Record<string, string>> {
  const error = await readError(response);
  expect(error.code).toBe("VALIDATION_FAILED");
  return (error.details as { fields: Record<string, string> }).fields;
}

describe("POST /api/account with a name that is not plain human text", () => {
  it.each(badText)("refuses a name with %s, storing nothing", async (_what, name) => {
    const user = await signUpUser();
    const response = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: { ...signUp, name },
      token: user.idToken,
    });
    expect(response.status).toBe(422);
    expect(Object.keys(await fieldsOf(response))).toEqual(["name"]);
    expect(await services.db.get(MEMBERS, user.uid)).toBeNull();
    expect(
      await services.db.query({ collection: CONSENT_RECORDS, where: [{ field: "uid", op: "==", value: user.uid }] }),
    ).toEqual([]);
  });

  it("stores an accepted name in its composed (NFC) form", async () => {
    const user = await signUpUser();
    const response = await call(postAccount, {
      method: "POST",
      path: "/api/account",
      body: { ...signUp, name: "Jose\u0301" },
      token: user.idToken,
    });
    expect(response.status).toBe(201);
    expect((await services.db.get(MEMBERS, user.uid))?.data.name).toBe("Jos\u00e9");
  });
});

describe("POST /api/generations with a prompt that is not plain human text", () => {
  let member: TestUser;

  beforeAll(async () => {
    member = await createMember(services);
    await buyPoints(services, member.uid);
  });

  async function stored(): Promise<{ jobs: number; reservations: number; balance: number }> {
    const jobs = await services.db.query({
      collection: GENERATIONS,
      where: [{ field: "uid", op: "==", value: member.uid }],
    });
    const reservations = await services.db.query({
      collection: RESERVATIONS,
      where: [{ field: "uid", op: "==", value: member.uid }],
    });
    const balance = (await services.db.get(POINT_ACCOUNTS, member.uid))?.data.balance ?? 0;
    return { jobs: jobs.length, reservations: reservations.length, balance };
  }

  it.each(badText)("refuses a prompt with %s, holding no points", async (_what, prompt) => {
    const before = await stored();
    const response = await call(postGeneration, {
      method: "POST",
      path: "/api/generations",
      token: member.idToken,
      body: { ...sketch, prompt },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(response.status).toBe(422);
    expect(Object.keys(await fieldsOf(response))).toEqual(["prompt"]);
    expect(await stored()).toEqual(before);
  });

  it("accepts a prompt over several lines", async () => {
    const response = await call(postGeneration, {
      method: "POST",
      path: "/api/generations",
      token: member.idToken,
      body: { ...sketch, prompt: "a lighthouse\n\tat dusk" },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect((await services.db.get(GENERATIONS, id))?.data.prompt).toBe("a lighthouse\n\tat dusk");
  });
});
