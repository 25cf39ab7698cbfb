"use client";

/**
 * An order's refunds, and the buyer's way to ask for one. The server decides what
 * happens (lib/refunds/request-refund.ts): a purchase within the withdrawal period
 * whose points are all unused is refunded at once, anything else goes to customer
 * support. The confirmation says which of the two to expect before the buyer commits.
 */
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { api } from "@/components/shared/api-client";
import type { OrderWithRefunds, RefundView } from "@/components/shared/api-types";
import { useMember } from "@/components/layout/member-context";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { ErrorAlert } from "@/components/shared/error-alert";
import { newIdempotencyKey } from "@/components/shared/idempotency-key";
import { formatMoney, fromMinorUnits } from "@/components/shared/money";
import { useErrorText } from "@/components/shared/use-error-text";
import { addDays } from "@/lib/clock/clock";
import { WITHDRAWAL_DAYS } from "@/lib/orders/withdrawal-period";

const OPEN: ReadonlySet<RefundView["status"]> = new Set(["requested", "processing"]);

export function OrderRefunds({
  order,
  onChange,
}: {
  order: OrderWithRefunds;
  onChange: (order: OrderWithRefunds) => void;
}) {
  const t = useTranslations("points.orders.refunds");
  const format = useMemberFormat();
  const intlFormat = useFormatter();
  const errorText = useErrorText();
  const { refresh } = useMember();
  /** What the buyer is about to ask for, judged when the confirmation opens: a withdrawal, or a request for support. */
  const [confirming, setConfirming] = useState<"withdrawal" | "request" | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** A retry after a lost answer reuses the key, so it answers the same refund. */
  const key = useRef<string | null>(null);

  const refundable =
    (order.status === "paid" || order.status === "partially_refunded") &&
    !order.refunds.some((refund) => OPEN.has(refund.status));

  function confirm() {
    const withinWithdrawal =
      order.status === "paid" &&
      order.paidAt !== null &&
      Date.now() < addDays(new Date(order.paidAt), WITHDRAWAL_DAYS).getTime();
    setConfirming(withinWithdrawal ? "withdrawal" : "request");
  }
  const money = (refund: RefundView) =>
    formatMoney(intlFormat, fromMinorUnits(refund.amount, refund.currency), refund.currency);

  async function ask() {
    setSending(true);
    setError(null);
    key.current ??= newIdempotencyKey();
    try {
      const path = `/api/orders/${encodeURIComponent(order.orderId)}`;
      await api<RefundView>(`${path}/refund`, { method: "POST", headers: { "Idempotency-Key": key.current } });
      key.current = null;
      setConfirming(null);
      onChange(await api<OrderWithRefunds>(path));
      void refresh();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="order-refunds">
      {order.refunds.length > 0 ? (
        <ul className="order-refunds__list">
          {order.refunds.map((refund) => (
            <li key={refund.refundId} className={`order-refunds__item order-refunds__item--${refund.status}`}>
              {t(`status.${refund.status}`, {
                amount: money(refund),
                points: refund.points,
                date: format.dateTime(refund.completedAt ?? refund.requestedAt),
              })}
              {refund.status === "requested" && refund.review ? <> {t(`review.${refund.review}`)}</> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {refundable && confirming === null ? (
        <button type="button" className="button button--secondary" onClick={confirm}>
          {t("ask")}
          <span className="visually-hidden"> {t("askFor", { order: order.orderId.slice(0, 8) })}</span>
        </button>
      ) : null}
      {refundable && confirming !== null ? (
        <div className="order-refunds__confirm" role="group" aria-label={t("confirmLabel")}>
          <p>{confirming === "withdrawal" ? t("explainWithdrawal", { days: WITHDRAWAL_DAYS }) : t("explainRequest")}</p>
          <ErrorAlert message={error} />
          <div className="order-refunds__actions">
            <button type="button" className="button" onClick={() => void ask()} disabled={sending}>
              {confirming === "withdrawal" ? t("confirmWithdrawal") : t("confirmRequest")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
              {t("keep")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
