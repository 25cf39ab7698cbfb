/**
 * My page, in Korean and in English, on a 390 px phone: a member reaches it from the
 * navigation, sees what is held about them grouped by the inventory's kinds, corrects
 * their name, and withdraws and gives again the marketing consent they gave at
 * sign-up, each change a new record in the history; closing the account and the cookie
 * settings are linked from it.
 */
import { LOCALES } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";
import { consentVersion } from "../../../lib/accounts/consent-version";
import { CONSENT_TEXTS } from "../../../lib/privacy/policy-versions";
import { MEMBERS } from "../../../lib/privacy/data-inventory";
import { accountText, fillSignUpForm, giveConsents, newEmail, signUp } from "../support/fixtures";
import { expectFitsPhone, PHONE } from "../support/phone-layout";
import { expect, test } from "../support/test";

test.use({ viewport: PHONE });

for (const locale of LOCALES) {
  test.describe(locale, () => {
    test.use({ locale });
    const common = translator({ locale, namespace: "common" });
    const myPage = translator({ locale, namespace: "myPage" });

    test("a member sees their data, corrects their name, and withdraws and gives marketing consent again", async ({
      page,
    }) => {
      const email = newEmail();
      await page.goto(`/${locale}/signup`);
      await fillSignUpForm(page, { email, name: "Original Name" });
      await giveConsents(page, { marketing: true });
      await page.getByRole("button", { name: accountText(page)("signUp.submit") }).click();
      await page.waitForURL(`**/${locale}/generate`);

      await page
        .getByRole("navigation")
        .getByRole("link", { name: common("nav.myPage") })
        .click();
      await page.waitForURL(`**/${locale}/my`);
      await expect(page.getByRole("heading", { level: 1, name: myPage("heading") })).toBeVisible();

      // What is held, by the inventory's kinds, in this language.
      const held = page.getByRole("region", { name: myPage("data.heading") });
      const profile = held.getByRole("region", { name: MEMBERS.kind.title[locale] });
      await expect(profile.getByRole("definition").filter({ hasText: "Original Name" })).toBeVisible();
      const nameDescription = MEMBERS.kind.fields.name;
      if (!nameDescription) throw new Error("The inventory no longer describes the member's name");
      await expect(profile.getByRole("term").filter({ hasText: nameDescription[locale] })).toBeVisible();
      await expect(page.getByRole("region", { name: myPage("profile.heading") })).toContainText(email);
      await expectFitsPhone(page, `/${locale}/my`);

      // Correct the name.
      const name = page.getByLabel(myPage("profile.name"), { exact: true });
      await expect(name).toHaveValue("Original Name");
      await name.fill("Corrected Name");
      await page.getByRole("button", { name: myPage("profile.saveName") }).click();
      await expect(page.getByRole("status").filter({ hasText: myPage("profile.nameSaved") })).toBeVisible();
      await expect(profile.getByRole("definition").filter({ hasText: "Corrected Name" })).toBeVisible();
      await page.reload();
      await expect(page.getByLabel(myPage("profile.name"), { exact: true })).toHaveValue("Corrected Name");

      // Withdraw the consent given at sign-up, then give it again: two new records, the first kept.
      const marketing = page.getByRole("region", { name: myPage("marketing.heading") });
      await expect(marketing).toContainText(myPage("marketing.given"));
      await expect(marketing).toContainText(CONSENT_TEXTS.marketing.wording[locale]);
      await marketing.getByRole("button", { name: myPage("marketing.withdraw") }).click();
      await expect(marketing.getByRole("status")).toHaveText(myPage("marketing.notGiven"));
      await marketing.getByRole("button", { name: myPage("marketing.give") }).click();
      await expect(marketing.getByRole("status")).toHaveText(myPage("marketing.given"));

      // Newest first; each line as the page words it, after its time.
      const line = (granted: boolean, method: "sign_up" | "my_page") =>
        myPage("marketing.historyItem", {
          when: "",
          purpose: myPage("marketing.purpose.marketing"),
          granted: String(granted),
          method,
          version: consentVersion("marketing", new Date()),
        }).trim();
      const history = marketing.getByRole("listitem").filter({ hasText: myPage("marketing.purpose.marketing") });
      await expect(history).toHaveCount(3);
      await expect(history.nth(0)).toContainText(line(true, "my_page"));
      await expect(history.nth(1)).toContainText(line(false, "my_page"));
      await expect(history.nth(2)).toContainText(line(true, "sign_up"));
      await expectFitsPhone(page, `/${locale}/my with its history`);

      // Closing the account and the cookie choice are a link away.
      const close = page.getByRole("region", { name: myPage("close.heading") });
      await expect(close.getByRole("link", { name: myPage("close.link") })).toHaveAttribute(
        "href",
        `/${locale}/account/close`,
      );
      await page
        .getByRole("region", { name: myPage("cookies.heading") })
        .getByRole("link", { name: myPage("cookies.link") })
        .click();
      await page.waitForURL(`**/${locale}/cookies`);
    });

    test("a member sends a complaint from My page, told what is missing first, and sees it waiting for an answer", async ({
      page,
    }) => {
      await signUp(page, newEmail(), locale);
      await page.goto(`/${locale}/my`);
      const inbox = page.getByRole("region", { name: myPage("inquiries.heading"), exact: true });
      await inbox.getByLabel(myPage("inquiries.kind")).selectOption(myPage("inquiries.kinds.complaint"));
      await inbox.getByRole("button", { name: myPage("inquiries.submit") }).click();
      const message = inbox.getByLabel(myPage("inquiries.message"));
      await expect(message).toHaveAttribute("aria-invalid", "true");

      await message.fill("The second image of my last job never arrived.\nPlease check it.");
      await inbox.getByRole("button", { name: myPage("inquiries.submit") }).click();
      await expect(inbox.getByRole("status")).toHaveText(myPage("inquiries.sent"));
      const sent = inbox.getByRole("listitem");
      await expect(sent).toHaveCount(1);
      await expect(sent).toContainText(myPage("inquiries.kinds.complaint"));
      await expect(sent).toContainText("The second image of my last job never arrived.");
      await expect(sent).toContainText(myPage("inquiries.waiting"));
      await expect(message).toHaveValue("");
      await expectFitsPhone(page, `/${locale}/my with an inquiry`);
    });
  });
}
