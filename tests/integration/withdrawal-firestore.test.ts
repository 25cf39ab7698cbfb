/**
 * A withdrawal on the Firestore adapter, against the Firestore emulator when
 * FIRESTORE_EMULATOR_HOST names one: the queries by member, the moves into the legal
 * hold (a query and writes in one transaction) and the deletions Firestore accepts.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MEMBERS } from "../../lib/accounts/members";
import { getServerConfig } from "../../lib/config/env";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { IMAGES } from "../../lib/images/image-record";
import { POINT_ACCOUNTS, POINT_ENTRIES } from "../../lib/points/ledger";
import { legalHoldKey, memberPseudonym } from "../../lib/privacy/legal-hold";
import { LEGAL_HOLD } from "../../lib/privacy/legal-hold-record";
import { ORDERS } from "../../lib/orders/order";
import { createServices } from "../../lib/services";
import { requestWithdrawal } from "../../lib/withdrawal/request-withdrawal";
import { signInUser } from "../support/firebase-users";
import { buyPoints, createMember } from "../support/members";

const emulatorHost = process.env.FIRESTORE_EMULATOR_HOST;
const suite = emulatorHost ? describe : describe.skip;
const title = emulatorHost
  ? `a withdrawal on Firestore (emulator at ${emulatorHost})`
  : "a withdrawal on Firestore: FIRESTORE_EMULATOR_HOST is not set, no Firestore emulator on this machine";

suite(title, () => {
  it("destroys the member's data and holds the payments pseudonymised", async () => {
    const config = { ...getServerConfig(), DATABASE: "firestore" as const };
    const services = createServices(config);
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "a kite over the river", model: "local-sketch", size: "512x512", count: 1 },
      idempotencyKey: randomUUID(),
    });
    expect(await runGenerationJob({ services, generationId: job.id, workerId: "firestore-withdrawal" })).toBe(
      "finished",
    );

    const idToken = await signInUser(member.email, member.password);
    expect(await requestWithdrawal({ services, uid: member.uid, input: { idToken, confirm: true } })).toMatchObject({
      completed: true,
    });

    const byMember = [{ field: "uid" as const, op: "==" as const, value: member.uid }];
    expect(await services.db.get(MEMBERS, member.uid)).toBeNull();
    expect(await services.db.get(POINT_ACCOUNTS, member.uid)).toBeNull();
    expect(await services.db.query({ collection: IMAGES, where: byMember })).toEqual([]);
    expect(await services.db.query({ collection: ORDERS, where: byMember })).toEqual([]);
    expect(await services.db.query({ collection: POINT_ENTRIES, where: byMember })).toEqual([]);
    const subject = memberPseudonym(legalHoldKey(config), member.uid);
    const held = await services.db.query({
      collection: LEGAL_HOLD,
      where: [{ field: "subject", op: "==", value: subject }],
    });
    expect(new Set(held.map(({ data }) => data.kind))).toEqual(
      new Set(["orders", "points-ledger", "points-accounts", "points-reservations"]),
    );
    expect(JSON.stringify(held)).not.toContain(member.uid);
  });
});
