/**
 * Every page a visitor or a member can reach fits a 390 px phone, in Korean and in
 * English: nothing scrolls sideways and no Korean word breaks across lines (issue 6,
 * "look at every page at 390 px wide in Korean"). Each page is measured in the states
 * that change its layout: with validation errors, empty and full, running and finished.
 */
import type { Page } from "@playwright/test";
import { getPublicConfig, loadEnvFile, parseServerConfig } from "../../../lib/config/env";
import { LOCALES } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import { currentVersion } from "../../../lib/legal/legal-document";
import { REFUND_POLICY } from "../../../lib/legal/refund-policy";
import { TERMS } from "../../../lib/legal/terms";
import { E2E } from "../support/e2e-stack";
import { choosePayment, followMailLinkTo, newEmail, PASSWORD, signIn, signUp } from "../support/fixtures";
import { expectFitsPhone, PHONE } from "../support/phone-layout";
import { expect, test } from "../support/test";

// The stack reads the same files and environment (scripts/local-stack.ts).
loadEnvFile();
const firebase = getPublicConfig(parseServerConfig(process.env)).firebase;

const PROMPTS = {
  en: "a paper boat drifting down a rainy street at dusk",
  ko: "해 질 녘 비 오는 거리를 떠내려가는 종이배",
};

test.use({ viewport: PHONE });

for (const locale of LOCALES) {
  test.describe(locale, () => {
    test.use({ locale });
    const account = translator({ locale, namespace: "account" });
    const common = translator({ locale, namespace: "common" });
    const generate = translator({ locale, namespace: "generate" });
    const gallery = translator({ locale, namespace: "gallery" });
    const points = translator({ locale, namespace: "points" });
    const member = translator({ locale, namespace: "member" });

    /** Opens a page of this language and measures it once `ready` shows it has drawn what it loads. */
    async function visit(page: Page, path: string, ready?: () => Promise<void>): Promise<void> {
      await page.goto(`/${locale}${path}`);
      await ready?.();
      await expectFitsPhone(page, `/${locale}${path}`);
    }

    test("the public pages fit a phone", async ({ page }) => {
      await visit(page, "");
      await visit(page, "/signup");
      await page.getByRole("button", { name: account("signUp.submit") }).click();
      await expect(page.getByRole("alert").filter({ hasText: account("validation.correctMarked") })).toBeVisible();
      await expectFitsPhone(page, "sign-up with every error shown");

      await visit(page, "/signin");
      await visit(page, "/signin?next=%2Fpoints");
      await visit(page, "/reset-password");
      await visit(page, "/terms");
      await visit(page, `/terms/${currentVersion(TERMS).version}`);
      await visit(page, "/refund-policy");
      await visit(page, `/refund-policy/${currentVersion(REFUND_POLICY).version}`);
      await visit(page, "/privacy");
      await visit(page, "/no-such-page", async () => {
        await expect(page.getByRole("heading", { level: 1, name: common("notFound.heading") })).toBeVisible();
      });
      await visit(page, "/auth/action", async () => {
        await expect(page.getByRole("heading", { name: account("action.invalid.heading") })).toBeVisible();
      });
      await visit(page, "/auth/action?mode=verifyEmail&oobCode=not-a-code", async () => {
        await expect(page.getByRole("heading", { name: account("action.verify.failedHeading") })).toBeVisible();
      });
    });

    test("a member's pages fit a phone, from sign-up to sign-out", async ({ page }) => {
      const email = newEmail();
      await signUp(page, email, locale);
      await page.getByLabel(generate("form.prompt")).fill(PROMPTS[locale]);
      await expect(page.getByRole("link", { name: generate("form.buyPoints") })).toBeVisible();
      await expectFitsPhone(page, "generate at a zero balance");

      await visit(page, "", async () => {
        await expect(page.getByRole("link", { name: common("nav.generate") }).first()).toBeVisible();
      });
      await visit(page, "/gallery", async () => {
        await expect(page.getByRole("link", { name: gallery("createFirst") })).toBeVisible();
      });
      await visit(page, "/points", async () => {
        await expect(page.getByText(points("history.empty"))).toBeVisible();
      });

      await visit(page, "/mailbox");
      await followMailLinkTo(page, { to: email, href: /\/auth\/action\?mode=verifyEmail/ });
      await expect(page.getByRole("heading", { name: account("action.verify.doneHeading") })).toBeVisible();
      await expectFitsPhone(page, "the email confirmed");
      await page.goto(`/${locale}/mailbox`);
      await page.getByRole("row").filter({ hasText: email }).first().getByRole("link").click();
      await expectFitsPhone(page, "a mail in the mailbox");

      await page.goto(`/${locale}/points`);
      await choosePayment(page, "sandbox");
      await page.getByRole("button", { name: points("buyLabel", { count: 30000 }) }).click();
      await page.waitForURL(`**/${locale}/checkout/sandbox/**`);
      await expect(page.getByRole("button", { name: points("checkout.pay") })).toBeVisible();
      await expectFitsPhone(page, "the sandbox checkout");
      await page.getByRole("button", { name: points("checkout.pay") }).click();
      await expect(page.getByRole("link", { name: points("checkout.start") })).toBeVisible();
      await expectFitsPhone(page, "the paid sandbox checkout");

      await visit(page, "/generate", async () => {
        await expect(page.locator(".balance")).toContainText(member("points", { count: 34500 }));
      });
      await page.getByLabel(generate("form.count")).fill("4");
      await page.getByLabel(generate("form.prompt")).fill(PROMPTS[locale]);
      await page.getByRole("button", { name: generate("form.submit") }).click();
      await page.waitForURL(`**/${locale}/generations/**`);
      const progress = page.getByRole("progressbar", { name: generate("progress.barLabel") });
      await expect(progress).toHaveAttribute("aria-valuenow", "1");
      await expect(page.getByRole("button", { name: generate("cancel.stop") })).toBeVisible();
      await expectFitsPhone(page, "a running generation");
      await expect(page.getByRole("link", { name: generate("progress.more") })).toBeVisible();
      await expectFitsPhone(page, "a finished generation");

      await visit(page, "/gallery", async () => {
        await expect(page.getByRole("article")).toHaveCount(4);
      });
      await visit(page, "/points", async () => {
        await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
      });

      await page.getByRole("button", { name: member("header.signOut") }).click();
      await page.waitForURL((url) => url.searchParams.has("signedOut"));
      await expectFitsPhone(page, "the front page after signing out");

      await visit(page, "/reset-password");
      await page.getByLabel(account("fields.email"), { exact: true }).fill(email);
      await page.getByRole("button", { name: account("reset.submit") }).click();
      await expect(page.getByText(account("reset.sent", { email }))).toBeVisible();
      await expectFitsPhone(page, "a reset link sent");
      await followMailLinkTo(page, { to: email, href: /\/auth\/action\?mode=resetPassword&/ });
      await expect(page.getByLabel(account("fields.newPassword"), { exact: true })).toBeVisible();
      await expectFitsPhone(page, "choosing a new password");
    });

    test("finishing a sign-up begun elsewhere fits a phone", async ({ page }) => {
      // A sign-in account without a member record, as a sign-up cut short leaves behind.
      const email = newEmail();
      const created = await page.request.post(
        `http://127.0.0.1:${E2E.authPort}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=${firebase.apiKey}`,
        { data: { email, password: PASSWORD, returnSecureToken: true } },
      );
      expect(created.ok()).toBe(true);
      await page.goto(`/${locale}/signin`);
      await signIn(page, { email });
      await page.waitForURL(`**/${locale}/signup/complete`);
      await expectFitsPhone(page, "finishing sign-up");
      await page.getByRole("button", { name: account("complete.submit") }).click();
      await expect(page.getByRole("alert").filter({ hasText: account("validation.correctMarked") })).toBeVisible();
      await expectFitsPhone(page, "finishing sign-up with every error shown");
      await visit(page, "", async () => {
        await expect(
          page.getByRole("link", { name: translator({ locale, namespace: "landing" })("member.finishSignUp") }),
        ).toBeVisible();
      });
    });
  });
}
