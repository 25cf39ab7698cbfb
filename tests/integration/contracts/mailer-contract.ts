/**
 * The contract of the Mailer port (lib/mail/mailer.ts), run against every adapter.
 * Mail goes to example.test addresses, which no real provider delivers.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { MailMessage, Mailer } from "../../../lib/mail/mailer";

export function testMessage(overrides: Partial<MailMessage> = {}): MailMessage {
  const tag = randomUUID();
  return {
    kind: "generation-result",
    to: `contract-${tag}@example.test`,
    subject: `Contract ${tag}`,
    text: `Plain text ${tag}`,
    html: `<p>HTML ${tag} &amp; 한글</p>`,
    ...overrides,
  };
}

export function describeMailerContract(adapterName: string, open: () => Promise<Mailer>): void {
  describe(`Mailer contract: ${adapterName}`, () => {
    let mailer: Mailer;

    beforeAll(async () => {
      mailer = await open();
    });

    it("accepts a message and returns a non-empty messageId", async () => {
      const { messageId } = await mailer.send(testMessage());
      expect(typeof messageId).toBe("string");
      expect(messageId.trim()).not.toBe("");
    });

    it("returns a distinct messageId for every send, even of the same message", async () => {
      const message = testMessage();
      const ids = await Promise.all(Array.from({ length: 10 }, () => mailer.send(message)));
      expect(new Set(ids.map((r) => r.messageId)).size).toBe(10);
    });
  });
}
