/**
 * The SendGrid adapter, through the official client, against the local stand-in of
 * SendGrid's v3 Mail Send API (tests/support/stand-ins/sendgrid-stand-in.ts).
 */
import { Client } from "@sendgrid/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MailNotSent } from "../../lib/mail/mailer";
import { SendGridMailer } from "../../lib/mail/sendgrid-mailer";
import { freePort } from "../support/free-port";
import { SendGridStandIn } from "../support/stand-ins/sendgrid-stand-in";
import { describeMailerContract, testMessage } from "./contracts/mailer-contract";

const FROM = "imagesfactory <no-reply@imagesfactory.example>";
const standIn = new SendGridStandIn();

beforeAll(async () => {
  await standIn.start();
});

afterAll(async () => {
  await standIn.stop();
});

function mailer(overrides: { apiKey?: string; baseUrl?: string } = {}): SendGridMailer {
  return new SendGridMailer({ apiKey: standIn.apiKey, baseUrl: standIn.baseUrl, from: FROM, ...overrides });
}

async function refusal(send: Promise<unknown>): Promise<MailNotSent> {
  const error = await send.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MailNotSent);
  return error as MailNotSent;
}

describeMailerContract("SendGridMailer", async () => mailer());

describe("the SendGrid stand-in", () => {
  /** The official low-level client, to send what our adapter never would. */
  function client(apiKey: string | null): Client {
    const c = new Client();
    if (apiKey) c.setApiKey(apiKey);
    c.setDefaultRequest("baseUrl", standIn.baseUrl);
    return c;
  }

  const valid = {
    personalizations: [{ to: [{ email: "someone@example.test" }] }],
    from: { email: "no-reply@imagesfactory.example" },
    subject: "Hello",
    content: [
      { type: "text/plain", value: "Hi" },
      { type: "text/html", value: "<p>Hi</p>" },
    ],
  };

  async function status(c: Client, body: unknown, url = "/v3/mail/send"): Promise<{ code: number; body: unknown }> {
    try {
      const [response] = await c.request({ method: "POST", url, body });
      return { code: response.statusCode, body: response.body };
    } catch (error) {
      const e = error as { code: number; response: { body: unknown } };
      return { code: e.code, body: e.response.body };
    }
  }

  it("takes a documented body with the right key: 202, an empty body and X-Message-Id", async () => {
    const [response, body] = await client(standIn.apiKey).request({
      method: "POST",
      url: "/v3/mail/send",
      body: valid,
    });
    expect(response.statusCode).toBe(202);
    expect(body).toBe("");
    expect(String((response.headers as Record<string, unknown>)["x-message-id"])).toMatch(/^[\w-]{22}$/);
  });

  it("refuses a missing or wrong API key with 401, in SendGrid's error shape", async () => {
    for (const key of [null, "SG.wrong.key"]) {
      const answer = await status(client(key), valid);
      expect(answer.code).toBe(401);
      expect(answer.body).toMatchObject({ errors: [{ message: expect.any(String), field: null }] });
    }
  });

  it("refuses another path", async () => {
    expect((await status(client(standIn.apiKey), valid, "/v3/mail/sent")).code).toBe(404);
  });

  it.each([
    ["no personalizations", { ...valid, personalizations: [] }, "personalizations"],
    [
      "an invalid recipient",
      { ...valid, personalizations: [{ to: [{ email: "nobody" }] }] },
      "personalizations.0.to.0.email",
    ],
    ["no sender", { ...valid, from: undefined }, "from"],
    ["no subject", { ...valid, subject: undefined }, "subject"],
    ["HTML before plain text", { ...valid, content: [valid.content[1], valid.content[0]] }, "content"],
    ["empty content", { ...valid, content: [{ type: "text/plain", value: "" }] }, "content.0.value"],
    ["eleven categories", { ...valid, categories: Array.from({ length: 11 }, (_, i) => `c${i}`) }, "categories"],
    ["a custom arg that is not a string", { ...valid, custom_args: { n: 1 } }, "custom_args"],
  ])("refuses a body with %s: 400 naming the field", async (_what, body, field) => {
    const answer = await status(client(standIn.apiKey), body);
    expect(answer.code).toBe(400);
    expect(answer.body).toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ field })]) });
  });
});

describe("SendGridMailer", () => {
  it("sends the sender, the recipient, the subject and both parts, plain text first, and returns SendGrid's message id", async () => {
    const message = testMessage();
    const { messageId } = await mailer().send(message);
    const received = standIn.received.find((r) => r.messageId === messageId);
    expect(received?.headers.authorization).toBe(`Bearer ${standIn.apiKey}`);
    expect(received?.body).toMatchObject({
      from: { email: "no-reply@imagesfactory.example", name: "imagesfactory" },
      subject: message.subject,
      personalizations: [{ to: [{ email: message.to }] }],
      content: [
        { type: "text/plain", value: message.text },
        { type: "text/html", value: message.html },
      ],
    });
  });

  it("tells SendGrid only which kind of mail it is: no address or other personal data in categories or custom args", async () => {
    const message = testMessage({ kind: "password-reset" });
    const { messageId } = await mailer().send(message);
    const body = standIn.received.find((r) => r.messageId === messageId)!.body;
    expect(body.categories).toEqual(["password-reset"]);
    expect(body.custom_args).toBeUndefined();
  });

  it("lets only a mail that confirms an address past SendGrid's bounce list, never past spam reports", async () => {
    const confirming = await mailer().send(testMessage({ kind: "verify-email", confirmsAddress: true }));
    const ordinary = await mailer().send(testMessage());
    const settings = (id: string) => standIn.received.find((r) => r.messageId === id)!.body.mail_settings;
    expect(settings(confirming.messageId)).toEqual({ bypass_bounce_management: { enable: true } });
    expect(settings(ordinary.messageId)).toBeUndefined();
  });

  it("turns a 400 into a refusal for good, naming SendGrid's fields but not its messages", async () => {
    standIn.failNext({
      status: 400,
      body: {
        errors: [
          { message: "Does not contain a valid address: x@y", field: "personalizations.0.to.0.email", help: null },
        ],
      },
    });
    const error = await refusal(mailer().send(testMessage()));
    expect(error.retry).toBe("never");
    expect(error.diagnostic).toContain("personalizations.0.to.0.email");
    expect(error.diagnostic).not.toContain("x@y");
  });

  it("turns a 413 into a refusal for good", async () => {
    standIn.failNext({ status: 413, body: { errors: [{ message: "Payload Too Large", field: null, help: null }] } });
    expect((await refusal(mailer().send(testMessage()))).retry).toBe("never");
  });

  it.each([401, 403])("keeps the mail for later on %i: the key or sender is refused, not the message", async (code) => {
    standIn.failNext({ status: code, body: { errors: [{ message: "denied", field: null, help: null }] } });
    expect((await refusal(mailer().send(testMessage()))).retry).toBe("later");
  });

  it("on 429 waits for the rate limit's reset", async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    standIn.failNext({
      status: 429,
      headers: { "x-ratelimit-limit": "600", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
      body: { errors: [{ message: "too many requests", field: null, help: null }] },
    });
    const error = await refusal(mailer().send(testMessage()));
    expect(error.retry).toBe("later");
    expect(error.retryAfter).toEqual(new Date(reset * 1000));
  });

  it.each([500, 503])("tries again later on %i", async (code) => {
    standIn.failNext({ status: code });
    expect((await refusal(mailer().send(testMessage()))).retry).toBe("later");
  });

  it("tries again later when SendGrid cannot be reached", async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const error = await refusal(mailer({ baseUrl: nowhere }).send(testMessage()));
    expect(error.retry).toBe("later");
    expect(error.diagnostic).toContain("ECONNREFUSED");
  });

  it("is refused with a key SendGrid does not know, and the message is kept for later", async () => {
    expect((await refusal(mailer({ apiKey: "SG.revoked.key" }).send(testMessage()))).retry).toBe("later");
  });
});
