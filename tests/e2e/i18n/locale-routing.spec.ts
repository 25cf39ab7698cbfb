/**
 * The language lives in the address: an address without one goes to the visitor's
 * language, no page sets a cookie for it, the switch keeps the page, and a signed-out
 * visit to a member page is sent to sign in by the server, before any page code.
 */
import { E2E_URL } from "../support/e2e-stack";
import { rawRequest } from "../support/raw-http";
import { expect, test } from "../support/test";

const OWN_HOST = new URL(E2E_URL).host;

test("an address without a language goes to the browser's, Korean when none of ours matches", async () => {
  for (const [acceptLanguage, path, expected] of [
    ["en-US,en;q=0.9", "/", "/en"],
    ["ko-KR,ko;q=0.9", "/", "/ko"],
    ["fr-FR,de;q=0.8", "/signin", "/ko/signin"],
    ["en", "/gallery?view=all", "/en/gallery?view=all"],
  ] as const) {
    const response = await rawRequest({ path, headers: { host: OWN_HOST, "accept-language": acceptLanguage } });
    expect(response.status, `${acceptLanguage} ${path}`).toBe(307);
    const target = new URL(String(response.headers.location), E2E_URL);
    expect(target.pathname + target.search).toBe(expected);
    expect(response.headers["set-cookie"], "no cookie for the language").toBeUndefined();
  }
});

test("pages in either language set no cookie and say their language", async () => {
  for (const path of ["/ko", "/en", "/ko/signin", "/en/signup", "/ko/privacy"]) {
    const response = await rawRequest({ path, headers: { host: OWN_HOST, "accept-language": "en" } });
    expect(response.status, path).toBe(200);
    expect(response.headers["set-cookie"], path).toBeUndefined();
    expect(response.text).toContain(`<html lang="${path.slice(1, 3)}"`);
  }
});

test("a signed-out visit to a member page is redirected by the server to sign in, coming back afterwards", async () => {
  for (const path of ["/ko/points", "/en/generate", "/ko/gallery"]) {
    const response = await rawRequest({ path, headers: { host: OWN_HOST } });
    expect(response.status, path).toBe(307);
    const target = new URL(String(response.headers.location), E2E_URL);
    expect(target.pathname).toBe(`${path.slice(0, 3)}/signin`);
    expect(target.searchParams.get("next")).toBe(path.slice(3));
    expect(response.text, "no page in the answer").not.toContain("<html");
  }
});

test("the language switch opens the same page in the other language", async ({ page }) => {
  await page.goto("/ko/signin?next=%2Fpoints");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await page.getByRole("link", { name: "English" }).click();
  await page.waitForURL("**/en/signin?next=%2Fpoints");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "한국어" }).click();
  await page.waitForURL("**/ko/signin?next=%2Fpoints");
  expect(await page.context().cookies()).toEqual([]);
});

test("the site icon is served at the root, for every language", async () => {
  const response = await rawRequest({ path: "/icon.svg", headers: { host: OWN_HOST } });
  expect(response.status).toBe(200);
  expect(response.headers["content-type"]).toContain("image/svg+xml");
});
