/**
 * The local mailbox in both languages: its own words from the message files, and the
 * time each mail was sent in Seoul time, as the rest of the app shows times (it showed
 * the server's UTC before).
 */
import { LOCALES } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import { newEmail, signUp } from "../support/fixtures";
import { expect, test } from "../support/test";

test("the mailbox speaks the page's language and shows when each mail was sent in Seoul time", async ({ page }) => {
  const email = newEmail();
  await signUp(page, email);
  for (const locale of LOCALES) {
    const t = translator({ locale, namespace: "mailbox" });
    const row = page.getByRole("row").filter({ hasText: email }).first();
    // The confirmation mail is sent while the page after sign-up loads.
    await expect(async () => {
      await page.goto(`/${locale}/mailbox`);
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1, name: t("list.heading") })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: t("list.sent") })).toBeVisible();
    const sent = row.locator("time");
    const iso = await sent.getAttribute("datetime");
    const seoul = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Seoul" });
    await expect(sent).toHaveText(seoul.format(new Date(iso ?? "")));

    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 2, name: t("mail.linksHeading") })).toBeVisible();
    await expect(page.getByRole("link", { name: t("mail.back") })).toBeVisible();
  }
});
