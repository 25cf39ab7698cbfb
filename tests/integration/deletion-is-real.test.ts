/**
 * "Deletion is real": a deleted document's text is not left in the SQLite file, the
 * prompt goes with a job's last image, and sign-in accounts of sign-ups never completed
 * are deleted after the period the inventory states.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAccount } from "../../lib/accounts/create-account";
import { deleteUnfinishedSignUps } from "../../lib/accounts/delete-unfinished-sign-ups";
import { DAY_MS, ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { defineCollection } from "../../lib/db/collection";
import { SqliteDatabase } from "../../lib/db/sqlite/sqlite-database";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { deleteImage } from "../../lib/images/delete-image";
import { UNFINISHED_SIGN_UP_DAYS } from "../../lib/privacy/data-inventory";
import { createServices, getServices } from "../../lib/services";
import { buyPoints, createMember } from "../support/members";

const directory = mkdtempSync(join(tmpdir(), "deletion-is-real-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("the SQLite file", () => {
  const notes = defineCollection<{ text: string }>("notes", { text: "A note" });

  function fileText(file: string): string {
    return [file, `${file}-wal`]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path).toString("latin1"))
      .join("");
  }

  it("keeps no readable trace of a deleted document", async () => {
    const file = join(directory, "secure-delete.sqlite");
    const secret = `prompt-${randomUUID()}`;
    const db = new SqliteDatabase({ file, indexes: { indexes: [] } });
    await db.runTransaction(async (tx) => {
      tx.set(notes, "kept", { text: "kept-note" });
      tx.set(notes, "gone", { text: secret.repeat(20) });
    });
    await db.close();
    expect(fileText(file)).toContain(secret);

    const again = new SqliteDatabase({ file, indexes: { indexes: [] } });
    await again.runTransaction(async (tx) => tx.delete(notes, "gone"));
    expect(fileText(file)).not.toContain(secret);
    await again.close();

    expect(fileText(file)).not.toContain(secret);
    expect(fileText(file)).toContain("kept-note");
  });
});

describe("deleting a job's images", () => {
  it("erases the prompt with the last image, and not before", async () => {
    const services = getServices();
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const prompt = "a lantern on a winter pier";
    const job = await submitGeneration({
      services,
      uid: member.uid,
      input: { prompt, model: "local-poster", size: "1536x1024", count: 2 },
      idempotencyKey: randomUUID(),
    });
    expect(await runGenerationJob({ services, generationId: job.id, workerId: "prompt-test" })).toBe("finished");

    await deleteImage({ services, uid: member.uid, imageId: `${job.id}-0` });
    expect((await services.db.get(GENERATIONS, job.id))!.data.prompt).toBe(prompt);

    await deleteImage({ services, uid: member.uid, imageId: `${job.id}-1` });
    const after = (await services.db.get(GENERATIONS, job.id))!.data;
    expect(after.prompt).toBe("");
    // What was made and charged stays on the record.
    expect(after).toMatchObject({ imageIds: [`${job.id}-0`, `${job.id}-1`], status: "succeeded" });
  });
});

describe("sign-ups never completed", () => {
  // A project of its own in the emulator, so the sweep sees only this test's users.
  const projectId = `demo-signup-sweep-${randomUUID().slice(0, 8)}`;

  async function makeUser(): Promise<string> {
    const response = await fetch(
      `http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/projects/${projectId}/accounts`,
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer owner" },
        body: JSON.stringify({ email: `pending-${randomUUID()}@example.test`, password: "correct horse battery" }),
      },
    );
    const data = (await response.json()) as { localId: string };
    expect(response.ok).toBe(true);
    return data.localId;
  }

  it(`deletes the sign-in account of a sign-up left unfinished for ${UNFINISHED_SIGN_UP_DAYS} days, and keeps members`, async () => {
    const clock = new ManualClock(new Date());
    const services = createServices({ ...getServerConfig(), FIREBASE_PROJECT_ID: projectId }, { clock });
    const unfinished = await makeUser();
    const member = await makeUser();
    await createAccount({
      services,
      uid: member,
      input: { name: "Kept", ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } },
      requestLocale: "en",
    });

    expect(await deleteUnfinishedSignUps({ services })).toEqual({ deleted: 0 });
    clock.advance((UNFINISHED_SIGN_UP_DAYS - 1) * DAY_MS);
    expect(await deleteUnfinishedSignUps({ services })).toEqual({ deleted: 0 });
    expect(await services.auth.getUser(unfinished)).not.toBeNull();

    clock.advance(DAY_MS + 60_000);
    expect(await deleteUnfinishedSignUps({ services })).toEqual({ deleted: 1 });
    expect(await services.auth.getUser(unfinished)).toBeNull();
    expect(await services.auth.getUser(member)).not.toBeNull();
  });
});
