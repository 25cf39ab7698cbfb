/**
 * Mail anyone can trigger is limited per client as well as per address or account.
 * This file runs as a deployment behind one trusted proxy (Cloud Run's front end),
 * which appends the client's address to X-Forwarded-For.
 */
process.env.TRUSTED_PROXY_HOPS = "1";

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as postPasswordReset } from "../../app/api/password-reset/route";
import { POST as postVerificationEmail } from "../../app/api/account/verification-email/route";
import { RATE_LIMITS } from "../../lib/abuse/rate-limit";
import { getServices } from "../../lib/services";
import { signUpUser } from "../support/firebase-users";
import { call, readError } from "../support/http";

const services = getServices();

function askReset(email: string, forwardedFor: string): Promise<Response> {
  return call(postPasswordReset, {
    method: "POST",
    path: "/api/password-reset",
    body: { email },
    headers: { "x-forwarded-for": forwardedFor },
  });
}

const fresh = () => `someone-${randomUUID()}@example.test`;

describe("per-client limit on password-reset requests", () => {
  it("refuses a client after ten addresses in an hour, whatever it puts in front of X-Forwarded-For", async () => {
    for (let i = 0; i < 10; i++) {
      expect((await askReset(fresh(), `10.0.0.${i}, 198.51.100.${i}, 203.0.113.9`)).status).toBe(202);
    }
    const limited = await askReset(fresh(), "192.0.2.77, 203.0.113.9");
    expect(limited.status).toBe(429);
    expect((await readError(limited)).code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3500);
    // The spoofed entry alone, as if it were the client: the trusted hop still says 203.0.113.9.
    expect((await askReset(fresh(), "203.0.113.10, 203.0.113.9")).status).toBe(429);
    // Another client is not affected.
    expect((await askReset(fresh(), "203.0.113.10")).status).toBe(202);
  });

  it("counts one IPv6 client per /64, since a host may pick any address in its subnet", async () => {
    for (let i = 1; i <= 10; i++) {
      expect((await askReset(fresh(), `2001:db8:aa:bb::${i.toString(16)}`)).status).toBe(202);
    }
    expect((await askReset(fresh(), "2001:db8:aa:bb:1234:5678:9abc:def0")).status).toBe(429);
    expect((await askReset(fresh(), "2001:db8:aa:bc::1")).status).toBe(202);
  });

  it("does not count a refused request against the address: it gets its three later from elsewhere", async () => {
    const client = "203.0.113.50";
    for (let i = 0; i < 10; i++) expect((await askReset(fresh(), client)).status).toBe(202);
    const email = fresh();
    expect((await askReset(email, client)).status).toBe(429);
    for (let i = 0; i < 3; i++) expect((await askReset(email, "203.0.113.51")).status).toBe(202);
    expect((await askReset(email, "203.0.113.52")).status).toBe(429);
  });

  it("stores no client address, only hashes", async () => {
    await askReset(fresh(), "203.0.113.200");
    const counters = await services.db.query({ collection: RATE_LIMITS });
    expect(counters.length).toBeGreaterThan(0);
    for (const counter of counters) {
      const stored = `${counter.id} ${JSON.stringify(counter.data)}`;
      expect(stored).not.toMatch(/203\.0\.113|2001:db8|@example\.test/);
    }
  });
});

describe("per-client limit on confirmation mail", () => {
  it("refuses a client after thirty confirmation mails in an hour, across accounts", async () => {
    const ask = async (forwardedFor: string) => {
      const user = await signUpUser();
      return call(postVerificationEmail, {
        method: "POST",
        path: "/api/account/verification-email",
        token: user.idToken,
        headers: { "x-forwarded-for": forwardedFor },
      });
    };
    for (let i = 0; i < 30; i++) expect((await ask("198.51.100.7")).status).toBe(202);
    const limited = await ask("198.51.100.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect((await ask("198.51.100.8")).status).toBe(202);
  });
});
