import { describe, expect, it } from "vitest";
import { contentDispositionHeader, signingWindow } from "../../lib/storage/blob-storage";

describe("signingWindow", () => {
  it("gives every moment of one half-lifetime step the same signing time and expiry", () => {
    const start = Date.UTC(2026, 10, 24, 0, 0, 0);
    const first = signingWindow(new Date(start), 300);
    expect(first).toEqual({ signedAt: new Date(start), expiresAt: new Date(start + 300_000) });
    expect(signingWindow(new Date(start + 149_999), 300)).toEqual(first);
    expect(signingWindow(new Date(start + 150_000), 300).signedAt).toEqual(new Date(start + 150_000));
  });

  it.each([60, 61, 300, 3600])("leaves a URL signed for %is between half and all of its life", (lifetime) => {
    for (let offset = 0; offset < lifetime * 2000; offset += 997) {
      const now = new Date(Date.UTC(2026, 0, 1) + offset);
      const { signedAt, expiresAt } = signingWindow(now, lifetime);
      const remaining = (expiresAt.getTime() - now.getTime()) / 1000;
      expect(signedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(signedAt.getTime() % 1000).toBe(0);
      expect((expiresAt.getTime() - signedAt.getTime()) / 1000).toBe(lifetime);
      expect(remaining).toBeGreaterThan(lifetime / 2 - 1);
      expect(remaining).toBeLessThanOrEqual(lifetime);
    }
  });
});

describe("contentDispositionHeader", () => {
  it("writes the header, and refuses a file name that would need escaping", () => {
    expect(contentDispositionHeader({ type: "attachment", fileName: "abc-0.png" })).toBe(
      'attachment; filename="abc-0.png"',
    );
    for (const fileName of ['a".png', "a b.png", "../a.png", "", "a\r\nx: y"]) {
      expect(() => contentDispositionHeader({ type: "inline", fileName })).toThrow(/Invalid file name/);
    }
  });
});
