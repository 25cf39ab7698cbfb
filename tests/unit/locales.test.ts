import { describe, expect, it } from "vitest";
import { isTimeZone, negotiateLocale, splitLocalePath } from "../../lib/i18n/locales";

describe("negotiateLocale", () => {
  it.each([
    [null, "ko"],
    ["", "ko"],
    ["en-US,en;q=0.9", "en"],
    ["ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "en"],
    ["fr-FR,de;q=0.5", "ko"],
    ["en;q=0.2,ko;q=0.8", "ko"],
    ["ko;q=0,en", "en"],
    ["*", "ko"],
    ["EN-gb", "en"],
    ["en;q=abc", "en"],
    [";;;,,,", "ko"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("keeps the header's order between equal weights", () => {
    expect(negotiateLocale("en, ko")).toBe("en");
    expect(negotiateLocale("ko, en")).toBe("ko");
  });
});

describe("splitLocalePath", () => {
  it.each([
    ["/ko/points", { locale: "ko", path: "/points" }],
    ["/en", { locale: "en", path: "/" }],
    ["/en/generations/abc", { locale: "en", path: "/generations/abc" }],
    ["/points", { locale: null, path: "/points" }],
    ["/kor/points", { locale: null, path: "/kor/points" }],
    ["/", { locale: null, path: "/" }],
  ])("%s", (pathname, expected) => {
    expect(splitLocalePath(pathname)).toEqual(expected);
  });
});

describe("isTimeZone", () => {
  it.each(["Asia/Seoul", "America/New_York", "UTC", "Europe/London"])("accepts %s", (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each(["", "Mars/Olympus", "Asia/Seoul; DROP", 42, null, "x".repeat(65)])("refuses %j", (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});
