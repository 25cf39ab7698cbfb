/**
 * The e2e `test`: Playwright's, plus a page that fails the test when the browser
 * blocks anything under the Content-Security-Policy, a script throws, a message is
 * missing in the page's language (next-intl reports it on the console), or a page
 * shows a message key or an unformatted message instead of its text (checked at every
 * load and at the end).
 */
import { test as base, expect, type Page } from "@playwright/test";
import { rawMessageKeysIn, unformattedMessagesIn } from "./unrendered-messages";

async function unrenderedMessagesOnPage(page: Page): Promise<string[]> {
  const body = await page
    .locator("body")
    .innerText({ timeout: 2_000 })
    .catch(() => "");
  const text = `${body} ${await page.title().catch(() => "")}`;
  return [
    ...rawMessageKeysIn(text).map((key) => `Raw message key ${page.url()}: ${key}`),
    ...unformattedMessagesIn(text).map((message) => `Unformatted message ${page.url()}: ${message}`),
  ];
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy|Refused to|MISSING_MESSAGE/i.test(message.text()))
        problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(`Uncaught: ${error.message}`));
    page.on("load", () => {
      void unrenderedMessagesOnPage(page).then((found) => problems.push(...found));
    });
    await use(page);
    if (!page.isClosed()) problems.push(...(await unrenderedMessagesOnPage(page)));
    expect(problems, "CSP violations, uncaught errors or missing messages in the page").toEqual([]);
  },
});

export { expect };
