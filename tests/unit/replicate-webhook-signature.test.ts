/**
 * Our check of Replicate's webhook signature agrees with the official client's own
 * (`validateWebhook`), and adds what that one lacks: a time window and a
 * constant-time comparison.
 */
import { createHmac } from "node:crypto";
import { validateWebhook } from "replicate";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../lib/errors/app-error";
import { verifyReplicateWebhook } from "../../lib/image-models/replicate-webhook-signature";

const secret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;
const body = JSON.stringify({ id: "p1", status: "succeeded", output: ["https://replicate.delivery/x.png"] });
const now = new Date("2026-11-20T10:00:00Z");
const timestamp = String(now.getTime() / 1000);

function signed(overrides: Record<string, string> = {}, key = secret): Headers {
  const signature = createHmac("sha256", Buffer.from(key.slice(6), "base64"))
    .update(`msg_1.${overrides["webhook-timestamp"] ?? timestamp}.${body}`)
    .digest("base64");
  return new Headers({
    "webhook-id": "msg_1",
    "webhook-timestamp": timestamp,
    "webhook-signature": `v1,${signature}`,
    ...overrides,
  });
}

function officialVerdict(headers: Headers): Promise<boolean> {
  return validateWebhook({
    id: headers.get("webhook-id")!,
    timestamp: headers.get("webhook-timestamp")!,
    signature: headers.get("webhook-signature")!,
    body,
    secret,
  });
}

function verdict(headers: Headers, at = now): string {
  try {
    return verifyReplicateWebhook({ secret, headers, rawBody: Buffer.from(body), now: at });
  } catch (error) {
    return isAppError(error, "WEBHOOK_REJECTED") ? "rejected" : "other error";
  }
}

describe("verifyReplicateWebhook", () => {
  it("accepts what the official client accepts, and gives the delivery id", async () => {
    const headers = signed();
    expect(await officialVerdict(headers)).toBe(true);
    expect(verdict(headers)).toBe("msg_1");
  });

  it("accepts any of several signatures (a secret being rotated)", () => {
    const headers = signed();
    headers.set("webhook-signature", `v1,c29tZXRoaW5nIGVsc2U= ${headers.get("webhook-signature")}`);
    expect(verdict(headers)).toBe("msg_1");
  });

  it("refuses another secret's signature, as the official client does", async () => {
    const other = `whsec_${Buffer.from("another key entirely, 32 bytes!!").toString("base64")}`;
    const headers = signed({}, other);
    expect(await officialVerdict(headers)).toBe(false);
    expect(verdict(headers)).toBe("rejected");
  });

  it("refuses a changed body or id, missing headers, and a delivery older or newer than five minutes", () => {
    expect(verdict(signed({ "webhook-id": "msg_2" }))).toBe("rejected");
    expect(verdict(new Headers({ "webhook-id": "msg_1", "webhook-timestamp": timestamp }))).toBe("rejected");
    expect(verdict(signed(), new Date(now.getTime() + 301_000))).toBe("rejected");
    expect(verdict(signed(), new Date(now.getTime() - 301_000))).toBe("rejected");
    expect(verdict(signed(), new Date(now.getTime() + 299_000))).toBe("msg_1");
    expect(() =>
      verifyReplicateWebhook({ secret, headers: signed(), rawBody: Buffer.from(body + " "), now }),
    ).toThrow();
  });
});
