import { describe, expect, it } from "vitest";
import { getPublicConfig, parseServerConfig, type PublicConfig } from "../../lib/config/env";
import {
  API_CONTENT_SECURITY_POLICY,
  apiSecurityHeaders,
  isTossCheckoutPath,
  newNonce,
  pageContentSecurityPolicy,
  transportSecurityHeaders,
  withHeaders,
} from "../../lib/http/security-headers";
import { cspDirective as directive } from "../support/csp-directive";

const local = getPublicConfig(parseServerConfig({ FIREBASE_AUTH_EMULATOR_HOST: "127.0.0.1:9099" }));

/** A production deployment's public part (a full production config cannot be parsed yet: no real mail provider). */
const production: PublicConfig = {
  appMode: "production",
  firebase: {
    apiKey: "AIza-test",
    projectId: "imagesfactory-prod",
    authDomain: "imagesfactory-prod.firebaseapp.com",
    authEmulatorUrl: null,
  },
  business: local.business,
  blobOrigin: "https://storage.googleapis.com",
  tossClientKey: null,
};

describe("the pages' Content-Security-Policy", () => {
  it("allows inline scripts only with the response's nonce: no 'unsafe-inline' and no 'unsafe-eval'", () => {
    const nonce = newNonce();
    const scriptSrc = directive(pageContentSecurityPolicy({ config: local, nonce, development: false }), "script-src");
    expect(scriptSrc).toContain(`'nonce-${nonce}'`);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
  });

  it("allows eval under next dev only, where React needs it", () => {
    const policy = pageContentSecurityPolicy({ config: local, nonce: newNonce(), development: true });
    expect(directive(policy, "script-src")).toContain("'unsafe-eval'");
  });

  it("uses a new, unguessable nonce for every response", () => {
    const nonces = Array.from({ length: 100 }, () => newNonce());
    expect(new Set(nonces).size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("in local mode lets the page reach the configured Auth emulator and no other local address", () => {
    const policy = pageContentSecurityPolicy({ config: local, nonce: newNonce(), development: false });
    for (const name of ["connect-src", "frame-src"]) {
      const onThisMachine = directive(policy, name).filter((source) => /localhost|127\.0\.0\.1|:\*/.test(source));
      expect(onThisMachine).toEqual(["http://127.0.0.1:9099"]);
    }
  });

  it("in production names no local address, only Google's and the project's own", () => {
    const policy = pageContentSecurityPolicy({ config: production, nonce: newNonce(), development: false });
    expect(policy).not.toMatch(/localhost|127\.0\.0\.1|http:|:\*/);
    expect(directive(policy, "connect-src")).toEqual([
      "'self'",
      "https://identitytoolkit.googleapis.com",
      "https://securetoken.googleapis.com",
    ]);
    expect(directive(policy, "frame-src")).toEqual([
      "https://imagesfactory-prod.firebaseapp.com",
      "https://accounts.google.com",
    ]);
  });

  it("lets Toss's SDK script, frames and calls in on the Toss checkout page only, and only when Toss is offered", () => {
    const withToss = { ...production, tossClientKey: "live_gck_abc" };
    const checkout = pageContentSecurityPolicy({
      config: withToss,
      nonce: newNonce(),
      development: false,
      tossCheckout: true,
    });
    expect(directive(checkout, "script-src")).toContain("https://js.tosspayments.com");
    expect(directive(checkout, "frame-src")).toContain("https://*.tosspayments.com");
    expect(directive(checkout, "connect-src")).toContain("https://*.tosspayments.com");
    for (const policy of [
      pageContentSecurityPolicy({ config: withToss, nonce: newNonce(), development: false }),
      pageContentSecurityPolicy({ config: production, nonce: newNonce(), development: false, tossCheckout: true }),
    ]) {
      expect(policy).not.toContain("tosspayments");
    }
    expect(isTossCheckoutPath("/ko/checkout/toss/8f0c6a8e-1b2c-4d5e-8f90-123456789abc")).toBe(true);
    expect(isTossCheckoutPath("/en/checkout/toss/8f0c6a8e-1b2c-4d5e-8f90-123456789abc/")).toBe(true);
    for (const path of ["/ko/checkout/sandbox/x", "/ko/points", "/ko/checkout/toss/x/success", "/checkout/toss/x"])
      expect(isTossCheckoutPath(path)).toBe(false);
  });

  it("lets images load from the app itself and, with Cloud Storage, from its signed URLs' origin only", () => {
    const policy = pageContentSecurityPolicy({ config: production, nonce: newNonce(), development: false });
    expect(directive(policy, "img-src")).toEqual(["'self'", "data:", "blob:", "https://storage.googleapis.com"]);
    const onDisk = pageContentSecurityPolicy({ config: local, nonce: newNonce(), development: false });
    expect(directive(onDisk, "img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("allows no emulator in production, even if one were configured", () => {
    const misconfigured = {
      ...production,
      firebase: { ...production.firebase, authEmulatorUrl: "http://10.0.0.5:9099" },
    };
    const policy = pageContentSecurityPolicy({ config: misconfigured, nonce: newNonce(), development: false });
    expect(policy).not.toContain("10.0.0.5");
  });
});

describe("HSTS", () => {
  it("is sent in production, for two years and subdomains", () => {
    expect(transportSecurityHeaders("production")).toEqual({
      "strict-transport-security": "max-age=63072000; includeSubDomains",
    });
    expect(apiSecurityHeaders(production)).toEqual({
      "content-security-policy": API_CONTENT_SECURITY_POLICY,
      "strict-transport-security": "max-age=63072000; includeSubDomains",
    });
  });

  it("is not sent locally, where the app is plain http", () => {
    expect(transportSecurityHeaders("local")).toEqual({});
    expect(apiSecurityHeaders(local)).toEqual({ "content-security-policy": API_CONTENT_SECURITY_POLICY });
  });
});

describe("withHeaders", () => {
  it("sets headers on a copy, also of a response whose own headers are immutable", async () => {
    const redirect = Response.redirect("http://localhost:3000/x", 302);
    const copy = withHeaders(redirect, transportSecurityHeaders("production"));
    expect(copy.status).toBe(302);
    expect(copy.headers.get("location")).toBe("http://localhost:3000/x");
    expect(copy.headers.get("strict-transport-security")).toContain("max-age=63072000");
    const body = withHeaders(new Response("hello", { status: 201 }), { "x-test": "1" });
    expect([body.status, await body.text(), body.headers.get("x-test")]).toEqual([201, "hello", "1"]);
  });
});
