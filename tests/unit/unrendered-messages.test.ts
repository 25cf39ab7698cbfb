import { describe, expect, it } from "vitest";
import { rawMessageKeysIn, unformattedMessagesIn } from "../e2e/support/unrendered-messages";

describe("rawMessageKeysIn", () => {
  it("finds a key shown in place of its message", () => {
    expect(rawMessageKeysIn("Welcome common.nav.generate now")).toEqual(["common.nav.generate"]);
    expect(rawMessageKeysIn("common.notFound")).toEqual(["common.notFound"]);
  });

  it("ignores dotted words that are not keys: addresses, numbers, file names", () => {
    expect(rawMessageKeysIn("mail support@imagesfactory.com, 1.5 MB, image.png, www.ftc.go.kr")).toEqual([]);
  });
});

describe("unformattedMessagesIn", () => {
  it("finds a message shown as written, its arguments unfilled", () => {
    expect(unformattedMessagesIn("보유 포인트: {count, plural, other {#포인트}}")).toEqual(["{count, plural"]);
    expect(unformattedMessagesIn("Sent to {email}. {email} again")).toEqual(["{email}"]);
  });

  it("ignores braces around words no message takes as an argument", () => {
    expect(unformattedMessagesIn("a prompt about {cats} and {dogs, plural}")).toEqual([]);
  });
});
