/**
 * The staff console in Chromium: a staff member made by `staff:add` chooses a password,
 * enrols an authenticator app (the test reads the key shown beside the QR code and makes
 * codes with otplib, as an app would), approves a refund request and carries out a
 * deletion request from the queue; `audit:verify` then proves the access log, and names
 * the entry altered in the database afterwards.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { generate } from "otplib";
import { MEMBERS } from "../../../lib/accounts/members";
import { DAY_MS, ManualClock } from "../../../lib/clock/clock";
import { parseServerConfig } from "../../../lib/config/env";
import { translator } from "../../../lib/i18n/messages";
import { filePrivacyRequest } from "../../../lib/privacy/file-privacy-request";
import { requestRefund } from "../../../lib/refunds/request-refund";
import { ORDERS } from "../../../lib/orders/order";
import { createServices } from "../../../lib/services";
import { resetPasswordWithCode } from "../../support/firebase-users";
import { buyPoints, createMember } from "../../support/members";
import { E2E, E2E_URL } from "../support/e2e-stack";
import { expect, test } from "../support/test";

const run = promisify(execFile);
const env = {
  ...process.env,
  APP_MODE: "local",
  APP_URL: E2E_URL,
  DATA_DIR: E2E.dataDir,
  FIREBASE_PROJECT_ID: E2E.projectId,
  FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${E2E.authPort}`,
  PAYMENT_PROVIDERS: "sandbox",
};
// The test's own calls reach the stack's emulator and database, as its scripts do.
Object.assign(process.env, {
  FIREBASE_AUTH_EMULATOR_HOST: env.FIREBASE_AUTH_EMULATOR_HOST,
  FIREBASE_PROJECT_ID: E2E.projectId,
});
const services = createServices(parseServerConfig(env));

function script(file: string, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", `scripts/${file}`, ...args], { env });
}

test("a staff member enrols, signs in, approves a refund and completes a deletion; the log proves it until altered", async ({
  page,
}) => {
  const t = translator({ locale: "ko", namespace: "staff" });
  const email = `staff-${randomUUID().slice(0, 8)}@example.test`;
  const password = "staff console password";
  const added = await script("staff-account.ts", "add", "--email", email, "--role", "support");
  const link = /https?:\/\/\S+mode=resetPassword\S+/.exec(added.stdout)![0];
  await resetPasswordWithCode(new URL(link).searchParams.get("oobCode")!, password);

  // A refund asked for after the 7 days: it waits for staff.
  const buyer = await createMember(services);
  await buyPoints(services, buyer.uid);
  const [order] = await services.db.query({
    collection: ORDERS,
    where: [{ field: "uid", op: "==", value: buyer.uid }],
  });
  const later = createServices(services.config, {
    db: services.db,
    clock: new ManualClock(new Date(Date.now() + 8 * DAY_MS)),
  });
  const refund = await requestRefund({
    services: later,
    uid: buyer.uid,
    orderId: order!.id,
    idempotencyKey: randomUUID(),
  });
  expect(refund.status).toBe("requested");
  const leaving = await createMember(services);
  const deletion = await filePrivacyRequest({
    services,
    uid: leaving.uid,
    input: { kind: "deletion", dataKind: null, details: "Please delete my account." },
  });

  await page.goto("/ko/staff");
  await page.getByLabel(t("signIn.email"), { exact: true }).fill(email);
  await page.getByLabel(t("signIn.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: t("signIn.submit") }).click();
  await page.waitForURL("**/ko/staff/second-factor");
  await expect(page.getByRole("img", { name: t("secondFactor.qrLabel") })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  await page.getByLabel(t("secondFactor.code"), { exact: true }).fill(await generate({ secret }));
  await page.getByRole("button", { name: t("secondFactor.submit") }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: t("secondFactor.continue") }).click();
  await page.waitForURL("**/ko/staff/console");

  const row = page.getByTestId(`refund-${refund.refundId}`);
  await row.getByLabel(t("console.decisionReason")).fill("구매 후 7일 이내이고 포인트를 쓰지 않았습니다.");
  await row.getByRole("button", { name: t("console.approve") }).click();
  await expect(row.getByRole("status")).toContainText("승인했습니다");

  await page.getByRole("link", { name: t("privacyQueue.link") }).click();
  const request = page.getByTestId(`privacy-request-${deletion.id}`);
  await request.getByRole("button", { name: t("privacyQueue.actions.delete") }).click();
  await expect(request.getByRole("status")).toContainText("처리했습니다");
  expect(await services.db.get(MEMBERS, leaving.uid)).toBeNull();

  const proven = await script("audit-log.ts", "verify");
  expect(proven.stdout).toMatch(/entries proven/);

  const file = new BetterSqlite3(services.config.sqliteFile);
  file
    .prepare(
      "UPDATE documents SET data = json_set(data, '$.reason', 'curiosity') WHERE collection = 'staffAccessLog' AND id = ?",
    )
    .run("000000000001");
  file.close();
  const broken = await script("audit-log.ts", "verify").catch((error: { code: number; stdout: string }) => error);
  expect(broken).toMatchObject({ code: 1, stdout: expect.stringContaining("BROKEN at entry 1: changed") });
});
