import { describe, expect, it } from "vitest";
import { parseServerConfig } from "../../lib/config/env";
import { isOwnHost, screenRequest } from "../../lib/http/screen-request";
import { expectAppError } from "../support/app-error-thrown";

const local = parseServerConfig({ APP_URL: "http://localhost:3000" });

function request(path: string, host: string): Request {
  return new Request(`http://127.0.0.1:3000${path}`, { headers: { host } });
}

describe("the Host of a request, in local mode", () => {
  it("must be APP_URL's host, in any letter case and with or without the default port", () => {
    expect(isOwnHost("localhost:3000", local)).toBe(true);
    expect(isOwnHost("LocalHost:3000", local)).toBe(true);
    expect(isOwnHost("localhost", parseServerConfig({ APP_URL: "http://localhost" }))).toBe(true);
    expect(isOwnHost("localhost:80", parseServerConfig({ APP_URL: "http://localhost" }))).toBe(true);
  });

  it("refuses any other name, even one pointing at this machine (DNS rebinding), and other ports", () => {
    const spoofs = [
      "evil@localhost:3000",
      "localhost:3000/x",
      "localhost:3000\\evil",
      "localhost:3000?x",
      "localhost:3000#x",
    ];
    for (const host of [
      "attacker.example:3000",
      "127.0.0.1:3000",
      "localhost:3001",
      "localhost",
      "",
      "a b",
      ...spoofs,
    ]) {
      expect(isOwnHost(host, local), host).toBe(false);
    }
    const error = expectAppError(() => screenRequest(request("/mailbox", "rebind.attacker.example:3000"), local));
    expect([error.code, error.status]).toEqual(["HOST_REFUSED", 421]);
  });
});

describe("the Host of a request, in production", () => {
  it("is left to the hosting front end, which may hand the app a Host of its own", () => {
    const production = { ...local, APP_MODE: "production" as const, APP_URL: "https://images.example.com" };
    expect(isOwnHost("imagesfactory-abc123.a.run.app", production)).toBe(true);
  });
});

describe("the path of a request", () => {
  it("must decode: a lone % or a broken UTF-8 sequence is a 400", () => {
    for (const path of ["/api/generations/%/cancel", "/api/orders/%E0%A4%A", "/mailbox/%zz"]) {
      const error = expectAppError(() => screenRequest(request(path, "localhost:3000"), local));
      expect([error.code, error.status], path).toEqual(["MALFORMED_URL", 400]);
    }
    expect(() => screenRequest(request("/mailbox/%E0%A4%A4", "localhost:3000"), local)).not.toThrow();
  });
});
