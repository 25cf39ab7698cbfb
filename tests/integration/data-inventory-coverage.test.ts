/**
 * After a member's whole loop, every document actually stored is one the data
 * inventory declares, field by field. The write guard refuses undeclared writes up
 * front; this reads what reached the file, so a path around the guard is caught too.
 */
import { randomUUID } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getServerConfig } from "../../lib/config/env";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { deleteImage } from "../../lib/images/delete-image";
import { deliverMailOutbox } from "../../lib/mail/deliver-mail-outbox";
import { MAIL_OUTBOX } from "../../lib/mail/mail-outbox";
import { cancelOrder } from "../../lib/orders/cancel-order";
import { createOrder } from "../../lib/orders/create-order";
import { declaredFields } from "../../lib/privacy/data-inventory";
import { getServices } from "../../lib/services";
import { applyOobCode } from "../support/firebase-users";
import { buyPoints, createMember } from "../support/members";
import { expectAppError } from "../support/app-error-thrown";
import { PROMPT_REFUSALS } from "../../lib/abuse/record-prompt-refusal";

const services = getServices();

describe("the data inventory covers what is stored", () => {
  it("declares every collection and field written during a member's loop", async () => {
    const member = await createMember(services);
    await applyOobCode(await services.auth.emailVerificationCode(member.email));
    await buyPoints(services, member.uid);
    const abandoned = await createOrder({
      services,
      uid: member.uid,
      input: { packageId: "points-5000", provider: "sandbox" },
      idempotencyKey: randomUUID(),
    });
    await cancelOrder({ services, uid: member.uid, orderId: abandoned.orderId });
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "inventory", model: "local-poster", size: "1024x1536", count: 2 },
      idempotencyKey: randomUUID(),
    });
    await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt: "left queued", model: "local-sketch", size: "512x512", count: 1 },
      idempotencyKey: randomUUID(),
    });
    // Refused prompts, often enough to be recorded as abuse.
    for (let attempt = 0; attempt < PROMPT_REFUSALS.limit; attempt++) {
      await expectAppError(
        submitGeneration({
          services,
          uid: member.uid,
          input: { prompt: "nsfw inventory", model: "local-sketch", size: "512x512", count: 1 },
          idempotencyKey: randomUUID(),
        }),
        "PROMPT_REFUSED",
      );
    }
    await runGenerationJob({ services, generationId: job.id, workerId: "inventory-test" });
    await deleteImage({ services, uid: member.uid, imageId: `${job.id}-0` });

    const file = new BetterSqlite3(getServerConfig().sqliteFile, { readonly: true });
    const rows = file.prepare<[], { collection: string; data: string }>("SELECT collection, data FROM documents").all();
    file.close();
    const seen = new Set(rows.map((row) => row.collection));
    expect([...seen].sort()).toEqual([
      "abuseRecords",
      "consentRecords",
      "generations",
      "idempotencyKeys",
      "images",
      "mailOutbox",
      "members",
      "orders",
      "pointAccounts",
      "pointEntries",
      "rateLimits",
      "reservations",
    ]);

    const undeclared: string[] = [];
    for (const row of rows) {
      const fields = declaredFields(row.collection);
      if (!fields) {
        undeclared.push(row.collection);
        continue;
      }
      for (const field of Object.keys(JSON.parse(row.data) as object)) {
        if (!fields.has(field)) undeclared.push(`${row.collection}.${field}`);
      }
    }
    expect(undeclared).toEqual([]);
    // The queue is emptied by delivery: nothing about the mail is kept past sending.
    await deliverMailOutbox({ services });
    expect(await services.db.query({ collection: MAIL_OUTBOX })).toEqual([]);
  });
});
