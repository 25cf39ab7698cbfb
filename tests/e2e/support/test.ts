/**
 * The e2e `test`: Playwright's, plus a page that fails the test when the browser
 * blocks anything under the Content-Security-Policy or a script throws.
 */
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text()))
        problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(`Uncaught: ${error.message}`));
    await use(page);
    expect(problems, "CSP violations or uncaught errors in the page").toEqual([]);
  },
});

export { expect };
