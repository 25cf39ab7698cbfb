/**
 * The staff console in Chromium: a staff member made by `staff:add` chooses a password,
 * enrols an authenticator app (the test reads the key shown beside the QR code and makes
 * codes with otplib, as an app would), approves a refund request, carries out a
 * deletion request from the queue and refuses an agent's power of attorney, and is not
 * offered the points adjustment; `audit:verify` then proves the access log, and names
 * the entry altered in the database afterwards. On a phone, an admin answers a member's
 * complaint from the support inbox (the member reads it on My page) and adjusts the
 * member's points on the member page.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { generate } from "otplib";
import type { Page } from "@playwright/test";
import { MEMBERS } from "../../../lib/accounts/members";
import { DAY_MS, ManualClock } from "../../../lib/clock/clock";
import { translator } from "../../../lib/i18n/messages";
import { filePrivacyRequest } from "../../../lib/privacy/file-privacy-request";
import { PRIVACY_REQUESTS } from "../../../lib/privacy/privacy-request";
import { recordPrivacyRequest } from "../../../lib/privacy/record-privacy-request";
import { requestRefund } from "../../../lib/refunds/request-refund";
import { ORDERS } from "../../../lib/orders/order";
import { readPointAccount } from "../../../lib/points/ledger";
import { createServices } from "../../../lib/services";
import type { StaffRole } from "../../../lib/staff/staff-actor";
import { sendInquiry } from "../../../lib/support/send-inquiry";
import { SUPPORT_INQUIRIES } from "../../../lib/support/support-inquiry";
import { resetPasswordWithCode } from "../../support/firebase-users";
import { buyPoints, createMember } from "../../support/members";
import { E2E_ENV, e2eServices } from "../support/e2e-services";
import { signIn } from "../support/fixtures";
import { expectFitsPhone, PHONE } from "../support/phone-layout";
import { expect, test } from "../support/test";

const run = promisify(execFile);
const env = E2E_ENV;
const services = e2eServices;

function script(file: string, ...args: string[]) {
  return run(process.execPath, ["--import", "tsx", `scripts/${file}`, ...args], { env });
}

const t = translator({ locale: "ko", namespace: "staff" });

/** A staff member made by `staff:add` sets a password, signs in and enrols an authenticator app; ends on the console. */
async function signInNewStaff(page: Page, role: StaffRole): Promise<void> {
  const email = `staff-${randomUUID().slice(0, 8)}@example.test`;
  const password = "staff console password";
  const added = await script("staff-account.ts", "add", "--email", email, "--role", role);
  const link = /https?:\/\/\S+mode=resetPassword\S+/.exec(added.stdout)![0];
  await resetPasswordWithCode(new URL(link).searchParams.get("oobCode")!, password);

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
}

test("a support staff member enrols, approves a refund, completes a deletion, refuses an agent and cannot adjust points; the log proves it until altered", async ({
  page,
}) => {
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
  const byAgent = await recordPrivacyRequest({
    services,
    input: {
      kind: "access",
      channel: "post",
      receivedAt: new Date().toISOString(),
      uid: buyer.uid,
      dataKind: null,
      details: "A copy of everything you hold about my client.",
      requesterName: "Agent Kim",
      requesterContact: "agent@example.test",
      agentName: "Agent Kim",
    },
  });
  const leaving = await createMember(services);
  const deletion = await filePrivacyRequest({
    services,
    uid: leaving.uid,
    input: { kind: "deletion", dataKind: null, details: "Please delete my account." },
  });

  await signInNewStaff(page, "support");

  const row = page.getByTestId(`refund-${refund.refundId}`);
  await row.getByLabel(t("console.decisionReason")).fill("구매 후 7일 이내이고 포인트를 쓰지 않았습니다.");
  await row.getByRole("button", { name: t("console.approve") }).click();
  await expect(row.getByRole("status")).toContainText("승인했습니다");

  await page.getByRole("link", { name: t("privacyQueue.link") }).click();
  const request = page.getByTestId(`privacy-request-${deletion.id}`);
  await request.getByRole("button", { name: t("privacyQueue.actions.delete") }).click();
  await expect(request.getByRole("status")).toContainText("처리했습니다");
  expect(await services.db.get(MEMBERS, leaving.uid)).toBeNull();

  // An agent's power of attorney refused: the reason is required beside its field, then shown instead of any action.
  const agentRequest = page.getByTestId(`privacy-request-${byAgent.id}`);
  await agentRequest.getByLabel(t("privacyQueue.agentDocument")).fill("Power of attorney, unsigned");
  await agentRequest.getByLabel(t("privacyQueue.agentRefuse")).check();
  const refusal = agentRequest.getByLabel(t("privacyQueue.agentReason"));
  await agentRequest.getByRole("button", { name: t("privacyQueue.agentSubmit") }).click();
  await expect(refusal).toHaveAttribute("aria-invalid", "true");
  await expect(agentRequest).toContainText(
    translator({ locale: "ko", namespace: "errors" })("humanText.reason.required"),
  );
  await refusal.fill("The power of attorney is not signed by the member.");
  await agentRequest.getByRole("button", { name: t("privacyQueue.agentSubmit") }).click();
  const refused = t("privacyQueue.agentRefused", { reason: "The power of attorney is not signed by the member." });
  await expect(agentRequest.getByRole("status")).toHaveText(refused);
  await expect(agentRequest.getByRole("button", { name: t("privacyQueue.actions.export") })).toHaveCount(0);
  await page.reload();
  const stillOpen = page.getByTestId(`privacy-request-${byAgent.id}`);
  await expect(stillOpen).toContainText(refused);

  // The refused request is closed as refused, with what the requester is told, and leaves the queue.
  await expect(stillOpen.getByLabel(t("privacyQueue.outcome"))).toHaveValue("refused");
  await stillOpen.getByLabel(t("privacyQueue.note")).fill("위임장에 본인의 서명이 없어 요청을 처리할 수 없습니다.");
  await stillOpen.getByRole("button", { name: t("privacyQueue.closeSubmit") }).click();
  await expect(stillOpen.getByRole("status")).toHaveText(t("privacyQueue.closed"));
  await page.reload();
  await expect(page.getByTestId(`privacy-request-${byAgent.id}`)).toHaveCount(0);

  // Support staff see a member but are not offered the points adjustment.
  await page.goto(`/ko/staff/console/member/${buyer.uid}?reason=refund`);
  await expect(page.getByRole("heading", { level: 1, name: t("member.heading", { uid: buyer.uid }) })).toBeVisible();
  await expect(page.getByRole("heading", { name: t("adjust.heading") })).toHaveCount(0);

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

test("the support inbox and the privacy-request queue show a long queue 50 at a time, the first page and the next", async ({
  page,
}) => {
  // 51 open items older than any other test's, so they fill the first page and start the second.
  const ids = Array.from({ length: 51 }, (_, n) => `paging${String(n).padStart(2, "0")}${randomUUID().slice(0, 8)}`);
  const at = (n: number) => new Date(Date.UTC(2020, 0, 1, 0, n)).toISOString();
  const batch = services.db.batch();
  for (const [n, id] of ids.entries()) {
    batch.set(SUPPORT_INQUIRIES, id, {
      uid: "paging-member",
      kind: "inquiry",
      message: `Paged inquiry ${n}`,
      status: "open",
      createdAt: at(n),
      answer: null,
      answeredAt: null,
      answeredBy: null,
    });
    batch.set(PRIVACY_REQUESTS, id, {
      uid: null,
      kind: "other",
      channel: "email",
      dataKind: null,
      details: `Paged request ${n}`,
      requesterName: "Paged Requester",
      requesterContact: "paged@example.test",
      agentName: null,
      agentCheck: null,
      agentDocument: null,
      agentRefusalReason: null,
      agentCheckedBy: null,
      receivedAt: at(n),
      dueAt: at(n),
      status: "open",
      closedAt: null,
      executedAction: null,
      outcome: null,
      outcomeNote: null,
      closedBy: null,
    });
  }
  await batch.commit();
  try {
    await signInNewStaff(page, "support");
    for (const [path, prefix] of [
      ["/ko/staff/console/inquiries", "inquiry"],
      ["/ko/staff/console/privacy-requests", "privacy-request"],
    ] as const) {
      const item = (id: string) => page.getByTestId(`${prefix}-${id}`);
      await page.goto(path);
      await expect(page.locator(`[data-testid^="${prefix}-"]`)).toHaveCount(50);
      await expect(item(ids[49]!)).toBeVisible();
      await expect(item(ids[50]!)).toHaveCount(0);
      await expect(page.getByRole("link", { name: t("queue.first") })).toHaveCount(0);

      await page.getByRole("link", { name: t("queue.next") }).click();
      await expect(item(ids[50]!)).toBeVisible();
      await expect(item(ids[0]!)).toHaveCount(0);
      await page.getByRole("link", { name: t("queue.first") }).click();
      await expect(item(ids[0]!)).toBeVisible();
      expect(new URL(page.url()).pathname).toBe(path);
      // A cursor edited by hand is not ours: the first page, not an error.
      await page.goto(`${path}?cursor=not-a-cursor`);
      await expect(item(ids[0]!)).toBeVisible();
    }
  } finally {
    const cleanUp = services.db.batch();
    for (const id of ids) {
      cleanUp.delete(SUPPORT_INQUIRIES, id);
      cleanUp.delete(PRIVACY_REQUESTS, id);
    }
    await cleanUp.commit();
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("an admin answers a member's complaint, which the member reads on My page, and adjusts the member's points", async ({
    page,
  }) => {
    const myPage = translator({ locale: "ko", namespace: "myPage" });
    const errors = translator({ locale: "ko", namespace: "errors" });
    const member = await createMember(services);
    await buyPoints(services, member.uid);
    const [order] = await services.db.query({
      collection: ORDERS,
      where: [{ field: "uid", op: "==", value: member.uid }],
    });
    const before = await services.db.runTransaction((tx) => readPointAccount(tx, member.uid));
    const complaint = await sendInquiry({
      services,
      uid: member.uid,
      input: { kind: "complaint", message: "The second image never arrived.\nPlease check my last job." },
    });
    await signInNewStaff(page, "admin");

    await page
      .getByRole("navigation")
      .getByRole("link", { name: t("inbox.link") })
      .click();
    await page.waitForURL("**/ko/staff/console/inquiries");
    await expect(page.getByRole("heading", { level: 1, name: t("inbox.heading") })).toBeVisible();
    const item = page.getByTestId(`inquiry-${complaint.id}`);
    await expect(item).toContainText(t("inbox.kinds.complaint"));
    await expect(item).toContainText("The second image never arrived.");
    await expectFitsPhone(page, "/ko/staff/console/inquiries");

    // An empty answer is refused beside its field; a real one takes the complaint off the list.
    const answer = item.getByLabel(t("inbox.answer"), { exact: true });
    await item.getByRole("button", { name: t("inbox.submit") }).click();
    await expect(answer).toHaveAttribute("aria-invalid", "true");
    await expect(item).toContainText(errors("humanText.answer.required"));
    await answer.fill("We sent the second image again; it is in your gallery now.");
    await item.getByRole("button", { name: t("inbox.submit") }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(t("inbox.answered"));
    await expect(item).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId(`inquiry-${complaint.id}`)).toHaveCount(0);

    // Find the member by address: each field says what it lacks, an unknown address is
    // refused beside it, and the address never stands in a URL.
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto("/ko/staff/console");
    const lookUp = page.getByRole("region", { name: t("console.lookUpHeading") });
    const address = lookUp.getByLabel(t("console.lookUpQuery"));
    const reason = lookUp.getByLabel(t("console.lookUpReason"));
    await lookUp.getByRole("button", { name: t("console.lookUpSubmit") }).click();
    await expect(address).toHaveAttribute("aria-invalid", "true");
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(lookUp).toContainText(t("console.lookUpQueryRequired"));
    await expect(lookUp).toContainText(t("errors.reasonRequired"));
    await expect(address).toBeFocused();
    await address.fill(`nobody-${member.uid}@example.com`);
    await reason.selectOption(t("reasons.payment-issue"));
    await lookUp.getByRole("button", { name: t("console.lookUpSubmit") }).click();
    await expect(lookUp).toContainText(errors("staff.memberNotFound"));
    await expect(reason).not.toHaveAttribute("aria-invalid");
    await expect(address).toBeFocused();
    // Whatever is typed goes in the request's body: a name typed by mistake never reaches a URL either.
    await address.fill("Hong Gildong");
    await lookUp.getByRole("button", { name: t("console.lookUpSubmit") }).click();
    await expect(lookUp).toContainText(errors("staff.memberNotFound"));
    await address.fill(member.email);
    await lookUp.getByRole("button", { name: t("console.lookUpSubmit") }).click();
    await page.waitForURL(`**/ko/staff/console/member/${member.uid}?reason=payment-issue`);
    await expect(page.getByRole("heading", { level: 1, name: t("member.heading", { uid: member.uid }) })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(member.email);
    expect(requested.some((url) => url.includes("/api/staff/members/find"))).toBe(true);
    const [mailbox] = member.email.split("@");
    expect(
      requested.filter((url) => url.includes(mailbox!) || url.includes("nobody-") || url.includes("Gildong")),
    ).toEqual([]);

    // Adjust the member's points, correcting their order: the new balance shows.
    const adjust = page.getByRole("region", { name: t("adjust.heading") });
    await adjust.getByLabel(t("adjust.delta"), { exact: true }).fill("500");
    await adjust.getByLabel(t("adjust.reason"), { exact: true }).fill("The second image of the order was lost.");
    await adjust.getByLabel(t("adjust.correctingKind")).selectOption(t("adjust.correctingKinds.order"));
    const corrected = adjust.getByLabel(t("adjust.correctingId"), { exact: true });
    await corrected.fill("not-an-order-of-theirs");
    await adjust.getByRole("button", { name: t("adjust.submit") }).click();
    await expect(corrected).toHaveAttribute("aria-invalid", "true");
    await expect(adjust).toContainText(errors("points.correctedNotFound"));
    await corrected.fill(order!.id);
    await adjust.getByRole("button", { name: t("adjust.submit") }).click();
    const after = { balance: before.balance + 500, free: before.freeBalance + 500 };
    await expect(adjust.getByRole("status")).toHaveText(t("adjust.done", after));
    await expectFitsPhone(page, "/ko/staff/console/member");

    // A debit beyond the balance is refused, and nothing moves.
    await adjust.getByLabel(t("adjust.delta"), { exact: true }).fill(String(-(after.balance + 1)));
    await adjust.getByLabel(t("adjust.reason"), { exact: true }).fill("Reversing a duplicate credit.");
    await corrected.fill(order!.id);
    await adjust.getByRole("button", { name: t("adjust.submit") }).click();
    await expect(adjust.getByRole("alert")).toHaveText(
      errors("points.insufficient", { required: after.balance + 1, balance: after.balance }),
    );

    // The member reads the answer on My page.
    await page.goto("/ko/signin");
    await signIn(page, { email: member.email, password: member.password });
    await page.waitForURL((url) => !url.pathname.endsWith("/signin"));
    await page.goto("/ko/my");
    const inbox = page.getByRole("region", { name: myPage("inquiries.heading"), exact: true });
    await expect(inbox.getByRole("listitem")).toContainText("We sent the second image again");
    await expect(inbox.getByRole("listitem")).not.toContainText(myPage("inquiries.waiting"));
  });
});
