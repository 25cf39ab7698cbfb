/**
 * The local stand-in for the mail provider: each message becomes a JSON file under
 * the data folder, read by the mailbox page (local mode only).
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { MailMessage, Mailer } from "./mailer";

export interface DeliveredMail extends MailMessage {
  id: string;
  from: string;
  sentAt: string;
}

const MAIL_ID = /^[0-9]{13}-[0-9a-f-]{36}$/;

export class LocalOutboxMailer implements Mailer {
  constructor(
    private readonly folder: string,
    private readonly from: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const sentAt = this.now();
    const id = `${sentAt.getTime()}-${randomUUID()}`;
    const mail: DeliveredMail = { id, from: this.from, sentAt: sentAt.toISOString(), ...message };
    await mkdir(this.folder, { recursive: true });
    await writeFile(join(this.folder, `${id}.json`), JSON.stringify(mail, null, 2));
    return { messageId: id };
  }

  /** Newest first. */
  async list(): Promise<DeliveredMail[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const ids = names
      .filter((n) => n.endsWith(".json"))
      .map((n) => n.slice(0, -5))
      .filter((id) => MAIL_ID.test(id));
    const mails = await Promise.all(ids.map((id) => this.read(id)));
    return mails.filter((m): m is DeliveredMail => m !== null).sort((a, b) => b.id.localeCompare(a.id));
  }

  async read(id: string): Promise<DeliveredMail | null> {
    if (!MAIL_ID.test(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.folder, `${id}.json`), "utf8")) as DeliveredMail;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
}
