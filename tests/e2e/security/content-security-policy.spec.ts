/**
 * The pages' Content-Security-Policy on the production build: inline scripts run only
 * with the nonce of their own response. Playwright's plain `test` here, not ours: one
 * test provokes a violation on purpose.
 */
import { expect, test } from "@playwright/test";
import { E2E } from "../support/e2e-stack";
import { cspDirective as directive } from "../../support/csp-directive";

test("every page answer has a nonce of its own, and script-src allows no inline script without it", async ({
  request,
}) => {
  const nonces: string[] = [];
  for (const path of ["/ko", "/ko", "/en/signin", "/ko/mailbox", "/en/no-such-page"]) {
    const response = await request.get(path);
    const policy = response.headers()["content-security-policy"] ?? "";
    const scriptSrc = directive(policy, "script-src");
    expect(scriptSrc, path).not.toContain("'unsafe-inline'");
    const nonce = scriptSrc.map((source) => /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(source)?.[1]).find(Boolean);
    expect(nonce, `nonce in ${path}`).toBeDefined();
    nonces.push(nonce!);
    // Every inline script Next wrote into the page carries this response's nonce.
    const inlineScripts = [...(await response.text()).matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)];
    expect(inlineScripts.length, path).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("the page may reach the local Auth emulator and no other address on this machine", async ({ request }) => {
  const policy = (await request.get("/ko/signin")).headers()["content-security-policy"] ?? "";
  const emulator = `http://127.0.0.1:${E2E.authPort}`;
  for (const name of ["connect-src", "frame-src"]) {
    const sources = directive(policy, name);
    expect(sources).toContain(emulator);
    expect(sources.filter((source) => /localhost|127\.0\.0\.1/.test(source))).toEqual([emulator]);
  }
  expect(policy).not.toContain(":*");
});

test("the browser refuses an inline script without the nonce and runs one with it", async ({ page }) => {
  await page.goto("/ko");
  const outcome = await page.evaluate(async () => {
    const flags = window as unknown as Record<string, boolean | undefined>;
    const violation = new Promise<string>((resolve) =>
      document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective), {
        once: true,
      }),
    );
    const injected = document.createElement("script");
    injected.textContent = "window.__injectedRan = true";
    document.body.append(injected);
    const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
    const trusted = document.createElement("script");
    trusted.nonce = nonce;
    trusted.textContent = "window.__trustedRan = true";
    document.body.append(trusted);
    // An inline script that is allowed runs as it is inserted; only a refused one reports a violation.
    const injectedRan = flags.__injectedRan === true;
    return { injectedRan, trustedRan: flags.__trustedRan === true, refusedBy: injectedRan ? null : await violation };
  });
  expect(outcome).toEqual({ injectedRan: false, trustedRan: true, refusedBy: "script-src-elem" });
});
