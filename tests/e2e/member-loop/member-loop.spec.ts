/**
 * The member loop in a real browser against the production build, in each language:
 * sign-up, email confirmation through the mailbox, the generate button held back at
 * a zero balance, a sandbox purchase, a generation watched live, the gallery (open,
 * download, delete), the result email, the points history (also on a phone) and
 * sign-out. Every text is found through the message files.
 */
import { createFormatter } from "use-intl/core";
import { expect, test } from "../support/test";
import { choosePayment, followMailLinkTo, newEmail, signUp } from "../support/fixtures";
import { DEFAULT_TIME_ZONE, LOCALES } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/messages";

const PROMPTS = { en: "a paper boat on a rainy street", ko: "비 오는 거리의 종이배" } as const;
const plain = (chunks: string) => chunks;

for (const locale of LOCALES) {
  test(`a new member signs up, buys points, generates images and manages them (${locale})`, async ({ page }) => {
    const common = translator({ locale, namespace: "common" });
    const member = translator({ locale, namespace: "member" });
    const generate = translator({ locale, namespace: "generate" });
    const gallery = translator({ locale, namespace: "gallery" });
    const points = translator({ locale, namespace: "points" });
    const email = newEmail();
    const prompt = PROMPTS[locale];
    const balance = page.locator(".balance");

    await test.step("sign up: the member pages speak the language of the address", async () => {
      await signUp(page, email, locale);
      await expect(page).toHaveURL(`/${locale}/generate`);
      await expect(page.getByRole("heading", { level: 1, name: generate("heading") })).toBeVisible();
      await expect(page.getByRole("region", { name: member("verifyEmail.label") })).toBeVisible();
      await expect(balance).toContainText(member("points", { count: 0 }));
    });

    await test.step("confirm the email address from the mailbox: the banner goes", async () => {
      await followMailLinkTo(page, { to: email, href: /\/auth\/action\?mode=verifyEmail/ });
      await expect
        .poll(
          async () => ((await (await page.request.get("/api/me")).json()) as { emailVerified: boolean }).emailVerified,
        )
        .toBe(true);
      await page.goto(`/${locale}/generate`);
      await expect(balance).toContainText(member("points", { count: 0 }));
      await expect(page.getByRole("region", { name: member("verifyEmail.label") })).toHaveCount(0);
    });

    await test.step("at a zero balance the generate button is held back, with what is missing and a way to buy", async () => {
      await page.getByLabel(generate("form.prompt")).fill(prompt);
      await expect(page.getByRole("button", { name: generate("form.submit") })).toBeDisabled();
      await expect(page.getByText(generate("form.missing", { missing: 10 }))).toBeVisible();
      await page.getByRole("link", { name: generate("form.buyPoints") }).click();
      await expect(page).toHaveURL(`/${locale}/points`);
    });

    await test.step("buy 1,000 points through the sandbox checkout, in the same language, then go on to generate", async () => {
      await choosePayment(page, "sandbox");
      await page.getByRole("button", { name: points("buyLabel", { count: 1000 }) }).click();
      await page.waitForURL(`**/${locale}/checkout/sandbox/**`);
      await expect(page.getByRole("heading", { level: 1, name: points("checkout.heading") })).toBeVisible();
      await page.getByRole("button", { name: points("checkout.pay") }).click();
      const done = page.getByRole("status").filter({ hasText: points("checkout.paid", { count: 1000 }) });
      await expect(done).toContainText(points.markup("checkout.newBalance", { count: 1000, strong: plain }));
      await expect(balance).toContainText(member("points", { count: 1000 }));
      await done.getByRole("link", { name: points("checkout.start") }).click();
      await expect(page).toHaveURL(`/${locale}/generate`);
    });

    let generationPath = "";
    await test.step("generate three images and watch the progress live, without reloading", async () => {
      await page.getByLabel(generate("form.model")).selectOption("local-sketch");
      await page.getByLabel(generate("form.size")).selectOption("512x512");
      await page.getByLabel(generate("form.count")).fill("3");
      await page.getByLabel(generate("form.prompt")).fill(prompt);
      await expect(page.locator(".cost")).toContainText(
        generate.markup("form.costWithBalance", { cost: 30, balance: 1000, strong: plain }),
      );
      await page.getByRole("button", { name: generate("form.submit") }).click();
      await page.waitForURL(`**/${locale}/generations/**`);
      generationPath = new URL(page.url()).pathname.replace(`/${locale}`, "");

      let navigations = 0;
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) navigations++;
      });
      const progress = page.getByRole("progressbar", { name: generate("progress.barLabel") });
      // The worker takes ~0.6 s per image, so an in-between state is seen on the way.
      await expect(progress).toHaveAttribute("aria-valuenow", /^[12]$/);
      await expect(progress).toHaveAttribute("aria-valuenow", "3");
      const finished = generate("progress.summary", {
        status: generate("progress.status.succeeded"),
        done: 3,
        count: 3,
        failed: 0,
      });
      await expect(page.getByRole("status").filter({ hasText: finished })).toBeVisible();
      const images = page
        .getByRole("region", { name: generate("progress.imagesHeading"), exact: true })
        .getByRole("img");
      await expect(images).toHaveCount(3);
      await expect(images.first()).toHaveAccessibleName(generate("progress.imageAlt", { number: 1, prompt }));
      expect(navigations).toBe(0);

      await expect(page.getByText(generate("progress.charged"), { exact: true }).locator("..")).toContainText(
        member("points", { count: 30 }),
      );
      await expect(balance).toContainText(member("points", { count: 970 }));
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: generate("progress.downloadAll") }).click();
      expect((await download).suggestedFilename()).toMatch(/\.zip$/);
    });

    await test.step("the gallery shows each image's deletion date; open, download and delete", async () => {
      await page.getByRole("link", { name: common("nav.gallery"), exact: true }).click();
      const cards = page.getByRole("article");
      await expect(cards).toHaveCount(3);
      // The first page arrives with the HTML, not after the scripts and a request of the browser's own.
      const html = await (await page.request.get(`/${locale}/gallery`)).text();
      const headings = await cards.evaluateAll((articles) => articles.map((a) => a.getAttribute("aria-labelledby")));
      for (const heading of headings) expect(html).toContain(`id="${heading}"`);
      // The first image, on a phone the page's largest paint, is fetched at once; the rest as they come into view.
      const thumbnails = cards.locator(".thumb img");
      await expect(thumbnails.first()).toHaveAttribute("loading", "eager");
      await expect(thumbnails.first()).toHaveAttribute("fetchpriority", "high");
      await expect(thumbnails.nth(1)).toHaveAttribute("loading", "lazy");
      const deletedOn = createFormatter({ locale, timeZone: DEFAULT_TIME_ZONE }).dateTime(
        new Date(Date.now() + 90 * 86_400_000),
        { dateStyle: "medium" },
      );
      await expect(cards.first()).toContainText(gallery("deletesOn", { date: deletedOn }));

      const openHref = await cards
        .first()
        .getByRole("link", { name: gallery("open") })
        .getAttribute("href");
      const image = await page.request.get(openHref!);
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/png");
      // The thumbnail the page shows came through a short-lived signed URL, kept privately by the browser.
      const thumbnail = cards.first().locator("img");
      await expect
        .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
      const signedUrl = (await page.request.get(openHref!, { maxRedirects: 0 })).headers()["location"]!;
      expect(signedUrl).toMatch(/^\/api\/blobs\?/);
      const signed = await page.request.get(signedUrl);
      expect(signed.headers()["cache-control"]).toMatch(/^private, max-age=\d+, immutable$/);

      const download = page.waitForEvent("download");
      await cards
        .first()
        .getByRole("link", { name: gallery("download") })
        .click();
      expect((await download).suggestedFilename()).toMatch(/\.png$/);

      page.once("dialog", (dialog) => void dialog.accept());
      await cards
        .first()
        .getByRole("button", { name: gallery("delete") })
        .click();
      await expect(cards).toHaveCount(2);
      expect((await page.request.get(openHref!)).status()).toBe(404);
      expect((await page.request.get(signedUrl)).status()).toBe(404);
      await page.reload();
      await expect(page.getByRole("article")).toHaveCount(2);
    });

    await test.step("the result email arrived in the member's mailbox and links to the job", async () => {
      await followMailLinkTo(page, { to: email, href: /\/generations\// });
      await expect(page).toHaveURL(new RegExp(`${generationPath}$`));
      await expect(page.getByRole("img", { name: prompt })).toHaveCount(2);
    });

    await test.step("every points movement is listed, amount and balance in view on a phone too", async () => {
      await page.goto(`/${locale}/points`);
      await expect(page.getByRole("region", { name: points("balanceHeading") })).toContainText(
        member("points", { count: 970 }),
      );
      const rows = page.getByRole("table").getByRole("row");
      await expect(rows).toHaveCount(3);
      await expect(rows.nth(1)).toContainText("-30");
      await expect(rows.nth(2)).toContainText("+1,000");

      await page.setViewportSize({ width: 390, height: 844 });
      for (const row of [rows.nth(1), rows.nth(2)]) {
        await row.scrollIntoViewIfNeeded();
        for (const cell of [row.getByRole("cell").nth(3), row.getByRole("cell").nth(4)]) {
          await expect(cell).toBeInViewport({ ratio: 1 });
        }
      }
      await expect(rows.nth(1).getByRole("cell").nth(4)).toContainText("970");
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    await test.step("sign out ends the session and says so on the front page", async () => {
      await page.getByRole("button", { name: member("header.signOut") }).click();
      await page.waitForURL((url) => url.pathname === `/${locale}` && url.searchParams.get("signedOut") === "1");
      await page.goto(`/${locale}/points`);
      await page.waitForURL(`**/${locale}/signin**`);
      expect((await page.request.get("/api/me")).status()).toBe(401);
    });
  });
}

test("the language switch keeps the member on the same page and remembers the choice", async ({ page }) => {
  await signUp(page, newEmail(), "ko");
  await page.goto("/ko/points");
  const ko = translator({ locale: "ko", namespace: "common" });
  const remembered = page.waitForRequest(
    (request) => request.method() === "PUT" && new URL(request.url()).pathname === "/api/account/preferences",
  );
  await page
    .getByRole("navigation", { name: ko("localeSwitch.label") })
    .getByRole("link", { name: ko("localeSwitch.en") })
    .click();
  expect((await remembered).postDataJSON()).toEqual({ locale: "en" });
  await expect(page).toHaveURL("/en/points");
  const en = translator({ locale: "en", namespace: "points" });
  await expect(page.getByRole("heading", { level: 1, name: en("heading") })).toBeVisible();
  await expect(page.getByRole("region", { name: en("balanceHeading") })).toBeVisible();
});
