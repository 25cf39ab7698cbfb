/**
 * 환불정책 (Refund Policy), every version. Pure data, versioned like the terms
 * (lib/legal/terms.ts): a change is a new version at the top. It spells out Article 10
 * of the terms and must say the same: tests/unit/legal-documents.test.ts checks the
 * withdrawal period against lib/orders/withdrawal-period.ts.
 */
import { validateLegalNotice, type LegalDocument } from "./legal-document";

export const REFUND_POLICY: LegalDocument = {
  versions: [
    {
      version: "refund-2026-11-23",
      effectiveDate: "2026-11-23",
      text: {
        ko: {
          title: "환불정책",
          translationNote: null,
          articles: [
            {
              id: "scope",
              title: "제1조 (적용 범위)",
              blocks: [
                "이 정책은 회사({businessName})가 운영하는 imagesfactory에서 구매한 포인트의 청약철회와 환불 절차를 안내합니다. 이용약관 제7조(보너스 포인트)와 제10조(청약철회와 환불)를 자세히 설명한 것이며, 같은 규칙을 따릅니다.",
              ],
            },
            {
              id: "withdrawal",
              title: "제2조 (7일 이내, 쓰지 않은 구매: 전액 환불)",
              blocks: [
                "포인트 상품을 결제한 날부터 7일 이내이고 그 구매로 충전된 포인트를 하나도 쓰지 않았다면, 신청만으로 결제 금액 전부를 환불합니다(청약철회). 따로 심사하지 않으며 수수료도 받지 않습니다.",
              ],
            },
            {
              id: "unused-points",
              title: "제3조 (그 밖의 경우: 사용하지 않은 유상 포인트의 환불)",
              blocks: [
                "① 결제한 지 7일이 지났거나 구매한 포인트를 일부 사용했다면, 사용하지 않은 유상 포인트의 환불을 신청할 수 있습니다. 고객센터 담당자가 신청과 포인트 내역을 검토한 뒤 환불합니다.",
                "② 환불 금액은 그 구매에서 1포인트당 실제로 낸 금액에 사용하지 않은 유상 포인트 수를 곱한 금액입니다. 환불 수수료는 받지 않으며, 1원(미국 달러는 1센트) 미만은 버립니다.",
                "③ 예를 들어 15,000원에 1,000포인트를 사서 400포인트를 썼다면, 남은 600포인트에 해당하는 9,000원을 환불합니다.",
              ],
            },
            {
              id: "not-refunded",
              title: "제4조 (환불하지 않는 것)",
              blocks: [
                [
                  "이미 사용한 포인트: 어떤 경우에도 이미 쓴 포인트에 대해서는 돈을 돌려드리지 않습니다.",
                  "보너스 포인트: 무상으로 드린 포인트이므로 환불하거나 현금으로 바꿀 수 없습니다. 구매를 환불하면 그 구매와 함께 받은 보너스 포인트는 회수합니다.",
                ],
              ],
            },
            {
              id: "order-of-use",
              title: "제5조 (어떤 포인트를 사용한 것으로 보는지)",
              blocks: [
                "포인트를 쓰면 유상 포인트를 먼저, 먼저 충전된 구매의 것부터 차감하고, 유상 포인트를 모두 쓴 뒤에 보너스 포인트를 차감합니다. 그래서 새로 구매한 포인트는 예전에 산 유상 포인트가 남아 있는 동안에는 사용하지 않은 것으로 봅니다.",
              ],
            },
            {
              id: "how-to-ask",
              title: "제6조 (신청 방법)",
              blocks: [
                "① 고객센터 이메일({supportEmail})로 신청해 주세요. 본인 확인을 위해 회원 계정의 이메일 주소로 보내 주시고, 포인트 내역에 나오는 결제 날짜와 금액을 알려 주세요.",
                "② 다른 주소로 보내시면 본인임을 확인하기 위해 추가로 여쭐 수 있습니다. 궁금한 점은 고객센터 전화({supportPhone})로도 물어보실 수 있습니다.",
              ],
            },
            {
              id: "how-long",
              title: "제7조 (처리 기간)",
              blocks: [
                "① 청약철회(제2조)는 신청을 받은 날부터 3영업일 이내에 결제를 취소하거나 환급합니다.",
                "② 제3조의 환불은 신청을 받은 날부터 3영업일 이내에 검토 결과를 알려 드리고, 환불하기로 한 날부터 3영업일 이내에 환급합니다.",
                "③ 취소한 금액이 카드 명세서나 계좌에 반영되기까지는 카드사나 은행에 따라 며칠이 더 걸릴 수 있습니다.",
                "④ 회사가 정당한 사유 없이 환급을 늦추면, 늦어진 기간에 대하여 전자상거래 등에서의 소비자보호에 관한 법률이 정한 지연배상금을 함께 지급합니다.",
              ],
            },
            {
              id: "where-money-goes",
              title: "제8조 (환불 수단)",
              blocks: [
                "① 환불은 결제한 수단을 통해, 결제한 통화로 돌려 드립니다.",
                [
                  "원화(KRW) 결제: 토스페이먼츠를 통해 결제를 취소합니다. 카드 결제는 카드 승인을 취소하고, 계좌로 결제하신 경우에는 결제한 계좌로 돌려 드립니다.",
                  "미국 달러(USD) 결제: Stripe를 통해 결제한 카드로 환불합니다. 카드사가 다른 통화로 청구했다면, 카드사의 환율에 따라 돌려받는 금액이 결제 때와 다를 수 있습니다.",
                ],
                "② 환불하면 환불한 유상 포인트와 회수한 보너스 포인트를 잔액에서 차감하고, 포인트 내역에 환불로 기록합니다.",
              ],
            },
            {
              id: "minors",
              title: "제9조 (미성년자의 구매 취소)",
              blocks: [
                "만 19세 미만의 회원이 법정대리인의 동의 없이 포인트를 구매했다면, 회원 본인이나 법정대리인이 그 구매를 취소할 수 있습니다. 이때 돌려 드리는 범위는 민법에 따르며, 신청 방법은 제6조와 같습니다.",
              ],
            },
            {
              id: "failed-generations",
              title: "제10조 (실패한 생성)",
              blocks: [
                "생성이 실패하거나, 거부되거나, 취소되거나, 제한 시간을 넘기면 만들지 못한 이미지의 포인트는 신청하지 않아도 자동으로 잔액에 돌아옵니다. 이는 포인트를 돌려 드리는 것이며 돈을 환불하는 것은 아닙니다.",
              ],
            },
            {
              id: "leaving",
              title: "제11조 (탈퇴와 환불)",
              blocks: [
                "탈퇴하면 남은 포인트는 모두 소멸합니다. 남은 유상 포인트를 환불받으려면 탈퇴하기 전에 신청해 주세요. 탈퇴와 환불을 함께 요청하시면 환불을 마친 뒤에 탈퇴를 처리합니다.",
              ],
            },
            {
              id: "effective-date",
              title: "부칙",
              blocks: ["이 정책은 2026년 11월 23일부터 시행합니다."],
            },
          ],
        },
        en: {
          title: "Refund Policy",
          translationNote:
            "This is an English translation of the Korean Refund Policy (환불정책), provided for convenience. The Korean text is the binding version; where the two differ, the Korean text prevails.",
          articles: [
            {
              id: "scope",
              title: "Article 1 (Scope)",
              blocks: [
                "This policy explains how to withdraw from a purchase of points in imagesfactory, operated by {businessName}, and how refunds work. It spells out Articles 7 (Bonus points) and 10 (Withdrawal and refunds) of the Terms of Service and follows the same rules.",
              ],
            },
            {
              id: "withdrawal",
              title: "Article 2 (Within 7 days, nothing used: a full refund)",
              blocks: [
                "Within 7 days of paying for a points package, if none of the points from that purchase have been used, you get the full amount back just by asking (청약철회, withdrawal). There is no review and no fee.",
              ],
            },
            {
              id: "unused-points",
              title: "Article 3 (Otherwise: a refund of unused paid points)",
              blocks: [
                "(1) If more than 7 days have passed since the payment, or some of the purchased points have been used, you may ask for a refund of your unused paid points. Customer support reviews the request and your points history, then refunds.",
                "(2) The refund is the number of unused paid points multiplied by the amount you actually paid per point in that purchase. There is no refund fee; amounts below 1 won (1 cent for US dollars) are dropped.",
                "(3) For example, if you bought 1,000 points for 15,000 won and used 400, the remaining 600 points are refunded as 9,000 won.",
              ],
            },
            {
              id: "not-refunded",
              title: "Article 4 (What is not refunded)",
              blocks: [
                [
                  "Points already used: a refund never returns money for points you have used.",
                  "Bonus points: they were given free of charge, so they cannot be refunded or exchanged for cash. When a purchase is refunded, the bonus points received with it are withdrawn.",
                ],
              ],
            },
            {
              id: "order-of-use",
              title: "Article 5 (Which points count as used)",
              blocks: [
                "When you use points, paid points are used first, those of the earliest purchase first, and bonus points only once all paid points are used. So newly bought points count as unused as long as paid points from earlier purchases remain.",
              ],
            },
            {
              id: "how-to-ask",
              title: "Article 6 (How to ask)",
              blocks: [
                "(1) Write to customer support at {supportEmail}. To show it is you, send it from the email address of your account, and give the date and amount of the payment as your points history shows them.",
                "(2) If you write from another address, we may ask you more to confirm it is you. For questions you can also call customer support at {supportPhone}.",
              ],
            },
            {
              id: "how-long",
              title: "Article 7 (How long it takes)",
              blocks: [
                "(1) A withdrawal (Article 2) is cancelled or refunded within 3 business days of receiving the request.",
                "(2) For a refund under Article 3, we tell you the outcome of the review within 3 business days of receiving the request, and pay the refund within 3 business days of deciding it.",
                "(3) Your card issuer or bank may take a few more days to show the cancelled amount on your statement or account.",
                "(4) If the Company delays a refund without good reason, it also pays the late-payment compensation that the Act on Consumer Protection in Electronic Commerce sets for the days of delay.",
              ],
            },
            {
              id: "where-money-goes",
              title: "Article 8 (Where the money goes)",
              blocks: [
                "(1) Refunds go back through the payment method you used, in the currency you paid.",
                [
                  "Payments in Korean won (KRW): cancelled through Toss Payments. A card payment's approval is cancelled; a payment from a bank account is returned to that account.",
                  "Payments in US dollars (USD): refunded through Stripe to the card you paid with. If your card issuer charged you in another currency, its exchange rate may make the amount returned differ from the amount paid.",
                ],
                "(2) A refund takes the refunded paid points and the withdrawn bonus points off your balance, and your points history records it as a refund.",
              ],
            },
            {
              id: "minors",
              title: "Article 9 (Purchases by minors)",
              blocks: [
                "If a member under 19 bought points without the consent of their legal representative, the member or the legal representative may cancel the purchase. What is then returned follows the Civil Act; ask as in Article 6.",
              ],
            },
            {
              id: "failed-generations",
              title: "Article 10 (Failed generations)",
              blocks: [
                "When a generation fails, is refused, is cancelled or runs out of time, the points for the images not made return to your balance automatically, without any request. This returns points; it is not a refund of money.",
              ],
            },
            {
              id: "leaving",
              title: "Article 11 (Leaving and refunds)",
              blocks: [
                "When you leave, all remaining points lapse. To be refunded for remaining paid points, ask before you leave. If you ask for both, we complete the refund before closing your account.",
              ],
            },
            {
              id: "effective-date",
              title: "Addendum",
              blocks: ["This policy takes effect on 23 November 2026."],
            },
          ],
        },
      },
    },
  ],
};

validateLegalNotice(REFUND_POLICY);
