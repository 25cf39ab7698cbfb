import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../../lib/i18n/locales";
import { generationResultMail } from "../../lib/mail/templates/generation-result-mail";
import { parseServerConfig } from "../../lib/config/env";
import { mailSite, type MailRecipient } from "../../lib/mail/templates/layout";
import { passwordResetMail } from "../../lib/mail/templates/password-reset-mail";
import { purchaseConfirmationMail } from "../../lib/mail/templates/purchase-confirmation-mail";
import { refundRejectedMail } from "../../lib/mail/templates/refund-rejected-mail";
import { refundConfirmationMail } from "../../lib/mail/templates/refund-confirmation-mail";
import { verifyEmailMail } from "../../lib/mail/templates/verify-email-mail";

const APP_URL = "http://localhost:3100";
/** The defaults: imagesfactory's published business details. */
const SITE = mailSite(parseServerConfig({ APP_URL }));
/** 22:15 in Seoul, 08:15 in New York. */
const REQUESTED_AT = new Date("2026-11-23T13:15:00Z");
/** Already the next day in Seoul (00:30 on 22 February), still 21 February in UTC. */
const EXPIRES_AT = new Date("2027-02-21T15:30:00Z");

function recipient(locale: Locale, timeZone = "Asia/Seoul"): MailRecipient {
  return { to: "a@example.test", locale, timeZone };
}

function result(locale: Locale, made: number, requested: number, timeZone?: string) {
  return generationResultMail({
    recipient: recipient(locale, timeZone),
    site: SITE,
    generationId: "g1",
    made,
    requested,
    requestedAt: REQUESTED_AT,
    expiresAt: EXPIRES_AT,
  });
}

describe("the confirmation mail", () => {
  it.each<[Locale, string, string]>([
    ["en", "Confirm your email address", "Confirm my email"],
    ["ko", "이메일 주소를 인증해 주세요", "이메일 인증하기"],
  ])("speaks %s and links to the page in that language", (locale, subject, action) => {
    const mail = verifyEmailMail({ recipient: recipient(locale), site: SITE, oobCode: "abc" });
    const link = `${APP_URL}/${locale}/auth/action?mode=verifyEmail&oobCode=abc`;
    expect(mail.to).toBe("a@example.test");
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain(`${action}: ${link}`);
    expect(mail.html).toContain(`<html lang="${locale}">`);
    // Who sends it, in both parts: the business's name, address and contact from the configuration.
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(
        "엠제이스튜디오(MJ) · 서울특별시 강남구 봉은사로30길 68, 6층-S42호 · support@imagesfactory.com",
      );
    }
    expect(mail.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
    expect(mail.html).toContain(`>${action}</a>`);
  });

  it("puts the code into the link encoded, and the link into the HTML escaped", () => {
    const mail = verifyEmailMail({ recipient: recipient("en"), site: SITE, oobCode: 'a&b<c>"' });
    expect(mail.text).toContain(`${APP_URL}/en/auth/action?mode=verifyEmail&oobCode=a%26b%3Cc%3E%22`);
    expect(mail.html).toContain(`href="${APP_URL}/en/auth/action?mode=verifyEmail&amp;oobCode=a%26b%3Cc%3E%22"`);
    expect(mail.html).not.toContain("<c>");
  });
});

describe("the branded frame", () => {
  it.each<[Locale, string, string]>([
    [
      "en",
      "You received this mail because this address was used to sign up at imagesfactory.",
      "does not receive replies",
    ],
    ["ko", "이 주소로 imagesfactory 회원가입이 진행되어 이 메일을 보내 드렸습니다.", "발신 전용"],
  ])(
    "names the brand, says why the mail came and that replies are not read, in both parts (%s)",
    (locale, reason, noReply) => {
      const mail = verifyEmailMail({ recipient: recipient(locale), site: SITE, oobCode: "abc" });
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain("imagesfactory");
        expect(part).toContain(reason);
        expect(part).toContain(noReply);
      }
      expect(mail.text.startsWith("imagesfactory\n\n")).toBe(true);
      expect(mail.html).toContain(`<h1 style="margin:0 0 20px;font-size:22px;line-height:1.4">${mail.subject}</h1>`);
    },
  );

  it("keeps the plain-text part free of markup", () => {
    const mail = result("en", 3, 3);
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });
});

describe("the password-reset mail", () => {
  it.each<[Locale, string, string, string]>([
    ["en", "Asia/Seoul", "On November 23, 2026 at 10:15 PM, someone asked", "Choose a new password"],
    ["en", "America/New_York", "On November 23, 2026 at 8:15 AM, someone asked", "Choose a new password"],
    [
      "ko",
      "Asia/Seoul",
      "2026년 11월 23일 22:15에 imagesfactory 계정의 비밀번호 재설정 요청이",
      "새 비밀번호 설정하기",
    ],
    [
      "ko",
      "America/New_York",
      "2026년 11월 23일 08:15에 imagesfactory 계정의 비밀번호 재설정 요청이",
      "새 비밀번호 설정하기",
    ],
  ])(
    "says when it was asked for, in the recipient's language (%s) and time zone (%s)",
    (locale, zone, when, action) => {
      const mail = passwordResetMail({
        recipient: recipient(locale, zone),
        site: SITE,
        oobCode: "xyz",
        requestedAt: REQUESTED_AT,
      });
      expect(mail.text).toContain(when);
      expect(mail.text).toContain(`${action}: ${APP_URL}/${locale}/auth/action?mode=resetPassword&oobCode=xyz`);
    },
  );
});

describe("the result mail", () => {
  it.each<[Locale, number, number, string]>([
    ["en", 1, 1, "Your image is ready"],
    ["en", 3, 3, "Your 3 images are ready"],
    ["en", 2, 3, "2 of your 3 images are ready"],
    ["en", 1, 3, "1 of your 3 images is ready"],
    ["ko", 1, 1, "이미지 1장이 완성되었습니다"],
    ["ko", 3, 3, "이미지 3장이 완성되었습니다"],
    ["ko", 2, 3, "요청하신 이미지 3장 중 2장이 완성되었습니다"],
  ])("counts in %s: %i of %i makes the subject “%s”", (locale, made, requested, subject) => {
    expect(result(locale, made, requested).subject).toBe(subject);
  });

  it("says what is ready with the right grammar for one, two and many", () => {
    expect(result("en", 1, 1).text).toContain("The image you asked for on November 23, 2026 at 10:15 PM is ready.");
    expect(result("en", 1, 1).text).toContain("It stays in your gallery until February 22, 2027;");
    expect(result("en", 2, 2).text).toContain("Both images you asked for on");
    expect(result("en", 3, 3).text).toContain("All 3 images you asked for on November 23, 2026 at 10:15 PM are ready.");
    expect(result("en", 3, 3).text).toContain("They stay in your gallery until February 22, 2027;");
    expect(result("en", 3, 3).text).not.toMatch(/\(s\)|returned/);
  });

  it("tells how many images could not be made and that their points came back", () => {
    expect(result("en", 2, 3).text).toContain(
      "2 of the 3 images you asked for on November 23, 2026 at 10:15 PM are ready.",
    );
    expect(result("en", 2, 3).text).toContain("The points for the image that could not be made were returned to you.");
    expect(result("en", 1, 3).text).toContain("1 of the 3 images you asked for");
    expect(result("en", 1, 3).text).toContain(
      "The points for the 2 images that could not be made were returned to you.",
    );
    expect(result("ko", 2, 3).text).toContain("만들지 못한 1장의 포인트는 돌려드렸습니다.");
  });

  it("reads naturally in Korean, for one image and for several", () => {
    expect(result("ko", 1, 1).text).toContain("2026년 11월 23일 22:15에 요청하신 이미지가 완성되었습니다.");
    expect(result("ko", 3, 3).text).toContain("2026년 11월 23일 22:15에 요청하신 이미지 3장이 모두 완성되었습니다.");
    expect(result("ko", 3, 3).text).toContain("완성된 이미지는 2027년 2월 22일까지 갤러리에 보관되며");
  });

  it("shows dates in the recipient's time zone", () => {
    expect(result("en", 1, 1, "UTC").text).toContain("on November 23, 2026 at 1:15 PM");
    expect(result("en", 1, 1, "UTC").text).toContain("until February 21, 2027");
    expect(result("ko", 1, 1, "UTC").text).toContain("2027년 2월 21일까지");
  });

  it.each<[Locale, string]>([
    ["en", "See my images"],
    ["ko", "내 이미지 보기"],
  ])("links to the generation's page in the recipient's language (%s)", (locale, action) => {
    expect(result(locale, 2, 2).text).toContain(`${action}: ${APP_URL}/${locale}/generations/g1`);
    expect(result(locale, 2, 2).html).toContain(`href="${APP_URL}/${locale}/generations/g1"`);
  });

  it("says “image” for one image in the button", () => {
    expect(result("en", 1, 1).text).toContain(`See my image: ${APP_URL}/en/generations/g1`);
  });
});

describe("the purchase mail", () => {
  const purchase = (locale: Locale, timeZone: string, receiptUrl: string | null, currency: "KRW" | "USD" = "KRW") =>
    purchaseConfirmationMail({
      recipient: recipient(locale, timeZone),
      site: SITE,
      orderId: "0f1e2d3c-aaaa-4bbb-8ccc-123456789abc",
      points: 5_250,
      amount: currency === "KRW" ? 75_000 : 5_000,
      currency,
      paidAt: REQUESTED_AT,
      receiptUrl,
    });

  it("says in Korean, in Seoul time, the order number, the amount in won, the points and the receipt link", () => {
    const mail = purchase("ko", "Asia/Seoul", "https://receipts.example.com/r/1");
    expect(mail.kind).toBe("purchase-confirmation");
    expect(mail.subject).toBe("결제가 완료되었습니다: 5,250포인트 충전");
    expect(mail.text).toContain("주문 번호: 0f1e2d3c");
    expect(mail.text).toContain("₩75,000");
    expect(mail.text).toContain("2026년 11월 23일");
    expect(mail.text).toContain("10:15");
    expect(mail.text).toContain("영수증 보기: https://receipts.example.com/r/1");
    expect(mail.html).toContain('href="https://receipts.example.com/r/1"');
  });

  it("writes dollars with the narrow symbol, in the member's own zone, and links the points page without a receipt", () => {
    const mail = purchase("en", "America/New_York", null, "USD");
    expect(mail.subject).toBe("Payment received: 5,250 points added");
    expect(mail.text).toContain("$50.00");
    expect(mail.text).not.toContain("US$");
    expect(mail.text).toContain("8:15");
    expect(mail.text).toContain(`See my points: ${APP_URL}/en/points`);
  });
});

describe("the refund mail", () => {
  const refund = (locale: Locale, madeAtProvider: boolean, points = 5_250) =>
    refundConfirmationMail({
      recipient: recipient(locale, "Asia/Seoul"),
      site: SITE,
      orderId: "0f1e2d3c-aaaa-4bbb-8ccc-123456789abc",
      amount: locale === "ko" ? 75_000 : 5_000,
      currency: locale === "ko" ? "KRW" : "USD",
      points,
      refundedAt: REQUESTED_AT,
      madeAtProvider,
    });

  it("says in Korean what went back, when, which order and the points taken back", () => {
    const mail = refund("ko", false);
    expect(mail.kind).toBe("refund-confirmation");
    expect(mail.subject).toBe("환불 완료: ₩75,000");
    expect(mail.text).toContain("2026년 11월 23일");
    expect(mail.text).toContain("₩75,000 환불을 마쳤습니다. 함께 구매하신 5,250포인트는 회수했습니다.");
    expect(mail.text).toContain("주문 번호: 0f1e2d3c");
    expect(mail.text).toContain("카드 환불은");
    expect(mail.text).toContain(`${APP_URL}/ko/points`);
  });

  it("counts one point as one, and says when the refund was made at the provider", () => {
    const mail = refund("en", true, 1);
    expect(mail.subject).toBe("Refund made: $50.00");
    expect(mail.text).toContain("took back the 1 point bought with it.");
    expect(mail.text).toContain("made through the payment provider");
    // The mail comes from an address that takes no replies, so it names where to write.
    expect(mail.text).toContain("write to us at support@imagesfactory.com");
    expect(mail.text).not.toContain("reply to this mail");
    expect(mail.text).not.toContain("Card refunds can take");
  });
});

describe("the refund rejection mail", () => {
  it.each(LOCALES)(
    "gives staff's reason in their words, which request it was, and where to turn next (%s)",
    (locale) => {
      const mail = refundRejectedMail({
        recipient: recipient(locale, "Asia/Seoul"),
        site: SITE,
        orderId: "0f1e2d3c-aaaa-4bbb-8ccc-123456789abc",
        requestedAt: REQUESTED_AT,
        reason: "Points from this purchase were used.",
      });
      expect(mail.kind).toBe("refund-rejected");
      expect(mail.subject).toBe(
        locale === "ko" ? "환불 요청을 승인하지 못했습니다" : "Your refund request was not approved",
      );
      expect(mail.text).toContain("0f1e2d3c");
      expect(mail.text).toContain("Points from this purchase were used.");
      expect(mail.text).toContain("support@imagesfactory.com");
      expect(mail.text).toContain(`${APP_URL}/${locale}/my`);
    },
  );
});
