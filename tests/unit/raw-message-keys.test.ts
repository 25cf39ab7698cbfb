import { describe, expect, it } from "vitest";
import { rawMessageKeysIn } from "../e2e/support/raw-message-keys";

describe("rawMessageKeysIn", () => {
  it("finds a key shown in place of its message", () => {
    expect(rawMessageKeysIn("Welcome common.nav.generate now")).toEqual(["common.nav.generate"]);
    expect(rawMessageKeysIn("common.notFound")).toEqual(["common.notFound"]);
  });

  it("ignores dotted words that are not keys: addresses, numbers, file names", () => {
    expect(rawMessageKeysIn("mail support@imagesfactory.com, 1.5 MB, image.png, www.ftc.go.kr")).toEqual([]);
  });
});
