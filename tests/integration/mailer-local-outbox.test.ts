import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/clock/clock";
import { LocalOutboxMailer } from "../../lib/mail/local-outbox-mailer";
import { describeMailerContract, testMessage } from "./contracts/mailer-contract";

const directory = mkdtempSync(join(tmpdir(), "mailer-local-outbox-"));
const FROM = "imagesfactory <no-reply@imagesfactory.local>";

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describeMailerContract("LocalOutboxMailer", async () => new LocalOutboxMailer(join(directory, "contract"), FROM));

describe("LocalOutboxMailer", () => {
  it("keeps each sent mail, with sender and time, readable by its messageId", async () => {
    const clock = new ManualClock("2026-03-01T09:00:00.000Z");
    const mailer = new LocalOutboxMailer(join(directory, "read"), FROM, () => clock.now());
    const message = testMessage();
    const { messageId } = await mailer.send(message);
    expect(await mailer.read(messageId)).toEqual({
      ...message,
      id: messageId,
      from: FROM,
      sentAt: "2026-03-01T09:00:00.000Z",
    });
  });

  it("lists mail newest first", async () => {
    const clock = new ManualClock("2026-03-01T09:00:00.000Z");
    const mailer = new LocalOutboxMailer(join(directory, "list"), FROM, () => clock.now());
    // The clock moves back and forth, so the order is by send time, not by write order.
    for (const offset of [5_000, 0, 60_000, 1_000]) {
      clock.set(new Date(Date.parse("2026-03-01T09:00:00.000Z") + offset));
      await mailer.send(testMessage({ subject: `at +${offset}` }));
    }
    expect((await mailer.list()).map((m) => m.subject)).toEqual(["at +60000", "at +5000", "at +1000", "at +0"]);
  });

  it("lists nothing before the first mail (no folder yet)", async () => {
    expect(await new LocalOutboxMailer(join(directory, "never-created"), FROM).list()).toEqual([]);
  });

  it("lists only its own mail files, not stray files in the folder", async () => {
    const folder = join(directory, "stray");
    const mailer = new LocalOutboxMailer(folder, FROM);
    const { messageId } = await mailer.send(testMessage());
    writeFileSync(join(folder, "notes.json"), JSON.stringify({ subject: "not a mail" }));
    writeFileSync(join(folder, "README.txt"), "x");
    expect((await mailer.list()).map((m) => m.id)).toEqual([messageId]);
    expect(readdirSync(folder)).toHaveLength(3);
  });

  it.each([
    "../../etc/passwd",
    "../read/whatever",
    "",
    "1700000000000-not-a-uuid",
    "notes",
    `1700000000000-${"0".repeat(36)}/../x`,
  ])("reads nothing for the id %j", async (id) => {
    const mailer = new LocalOutboxMailer(join(directory, "read"), FROM);
    expect(await mailer.read(id)).toBeNull();
  });

  it("reads nothing for a well-formed id that was never sent", async () => {
    const mailer = new LocalOutboxMailer(join(directory, "read"), FROM);
    expect(await mailer.read("1700000000000-00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
