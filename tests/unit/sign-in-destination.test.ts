import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, signInDestination } from "../../lib/navigation/sign-in-destination";

const ORIGIN = "http://localhost:3000";

/** What the sign-in page reads from its own address, as the browser decodes it. */
function nextOf(search: string): string | null {
  return new URLSearchParams(search).get("next");
}

describe("signInDestination", () => {
  it.each([
    "/generate",
    "/gallery",
    "/points",
    "/generations/3f1c2a9e-8b7d-4c6e-9f00-1234567890ab",
    "/checkout/sandbox/0b9e6a52-1d3c-4f7a-8e2b-abcdefabcdef",
  ])("goes back to the member page %s", (path) => {
    expect(signInDestination(path, ORIGIN)).toBe(path);
  });

  it("keeps the query and fragment of a member page", () => {
    expect(signInDestination("/gallery?view=grid#top", ORIGIN)).toBe("/gallery?view=grid#top");
  });

  it("answers the path of a same-origin absolute address", () => {
    expect(signInDestination(`${ORIGIN}/points`, ORIGIN)).toBe("/points");
  });

  it("goes to the default page without a next", () => {
    expect(signInDestination(null, ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(signInDestination(undefined, ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(signInDestination("", ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("refuses the probe that left the site: a tab between the slashes", () => {
    const next = nextOf("?next=%2F%09%2F127.0.0.1%3A3999%2Fpwned");
    expect(next).toBe("/\t/127.0.0.1:3999/pwned");
    expect(signInDestination(next, ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([
    ["tab", "/\t/evil.example/generate"],
    ["line feed", "/\n/evil.example/generate"],
    ["carriage return", "/\r/evil.example/generate"],
    ["CR LF", "/\r\n/evil.example"],
    ["leading tab", "\t//evil.example"],
    ["protocol-relative", "//evil.example/generate"],
    ["three slashes", "///evil.example/generate"],
    ["slash backslash", "/\\evil.example/generate"],
    ["backslash slash", "\\/evil.example/generate"],
    ["two backslashes", "\\\\evil.example/generate"],
    ["https URL", "https://evil.example/generate"],
    ["http URL on another port", "http://localhost:3999/generate"],
    ["scheme without slashes", "https:evil.example"],
    ["scheme with one slash", "https:/evil.example/generate"],
    ["credentials in front of our host", `http://localhost:3000@evil.example/generate`],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["mixed-case javascript:", "JaVaScRiPt:alert(1)"],
    ["javascript: with a tab inside", "java\tscript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["dot segment to a double slash", "/.//evil.example/generate"],
  ])("refuses %s", (_name, next) => {
    expect(signInDestination(next, ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([
    ["encoded slashes (decoded once by the query)", "?next=%2F%2Fevil.example"],
    ["encoded tab and slashes", "?next=%2F%09%2Fevil.example"],
    ["encoded backslash", "?next=%2F%5Cevil.example"],
    ["double-encoded slashes", "?next=%252F%252Fevil.example"],
    ["double-encoded backslash", "?next=%2F%255Cevil.example"],
    ["encoded javascript:", "?next=javascript%3Aalert(1)"],
  ])("refuses %s", (_name, search) => {
    expect(signInDestination(nextOf(search), ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it.each([
    "/",
    "/admin",
    "/api/me",
    "/api/session",
    "/signin",
    "/mailbox",
    "/generate/",
    "/generations",
    "/generations/",
    "/generations/a/b",
    "/generations/%2F%2Fevil.example",
    "/generations/..%2F..%2Fapi%2Fme",
    "/gallery/../api/me",
    "/checkout/sandbox",
    "/GENERATE",
  ])("refuses the page %s, which is not a member page", (next) => {
    expect(signInDestination(next, ORIGIN)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
