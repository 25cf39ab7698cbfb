"use client";

/**
 * Toss Payments' widget for a stored order: the amount comes from our order, never
 * from the page; the buyer is ANONYMOUS to Toss (no uid, email or name leaves us).
 * Toss sends the browser back to our success or fail page, which settle the order.
 */
import { ANONYMOUS, loadTossPayments, type TossPaymentsWidgets } from "@tosspayments/tosspayments-sdk";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { useCheckoutOrder } from "@/components/points/use-checkout-order";
import { ErrorAlert } from "@/components/shared/error-alert";
import { formatMoney, fromMinorUnits } from "@/components/shared/money";
import { Link } from "@/i18n/navigation";

export function TossCheckout({ orderId, clientKey, locale }: { orderId: string; clientKey: string; locale: string }) {
  const t = useTranslations("points.tossCheckout");
  const format = useMemberFormat();
  const intlFormat = useFormatter();
  const { order, missing, error, setError } = useCheckoutOrder(orderId);
  const [widgets, setWidgets] = useState<TossPaymentsWidgets | null>(null);
  const [busy, setBusy] = useState(false);
  const rendered = useRef(false);

  useEffect(() => {
    if (!order || order.status !== "pending" || order.currency !== "KRW" || rendered.current) return;
    rendered.current = true;
    (async () => {
      const toss = await loadTossPayments(clientKey);
      const instance = toss.widgets({ customerKey: ANONYMOUS });
      await instance.setAmount({ currency: "KRW", value: order.amount });
      await Promise.all([
        instance.renderPaymentMethods({ selector: "#toss-payment-methods" }),
        instance.renderAgreement({ selector: "#toss-agreement" }),
      ]);
      setWidgets(instance);
    })().catch(() => setError(t("widgetFailed")));
  }, [order, clientKey, t, setError]);

  async function pay() {
    if (!widgets || !order) return;
    setBusy(true);
    setError(null);
    const base = `${window.location.origin}/${locale}/checkout/toss/${encodeURIComponent(orderId)}`;
    try {
      await widgets.requestPayment({
        orderId,
        orderName: t("orderName", { count: order.points }),
        successUrl: `${base}/success`,
        failUrl: `${base}/fail`,
      });
    } catch {
      // The buyer closed Toss's window, or Toss refused the request: the order stays payable here.
      setBusy(false);
    }
  }

  if (missing) {
    return (
      <p role="alert" className="error">
        {t.rich("missing", { link: (chunks) => <Link href="/points">{chunks}</Link> })}
      </p>
    );
  }
  if (!order) {
    return error ? (
      <p role="alert" className="error">
        {error}
      </p>
    ) : (
      <p role="status">{t("loading")}</p>
    );
  }
  const amount = formatMoney(intlFormat, fromMinorUnits(order.amount, order.currency), order.currency);
  return (
    <section className="card checkout" aria-labelledby="order-heading">
      <h2 id="order-heading">{t("order")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("points")}</dt>
          <dd>{format.points(order.points)}</dd>
        </div>
        <div>
          <dt>{t("amount")}</dt>
          <dd>{amount}</dd>
        </div>
      </dl>
      {order.status === "pending" ? (
        <>
          <div id="toss-payment-methods" />
          <div id="toss-agreement" />
          {widgets ? null : <p role="status">{t("widgetLoading")}</p>}
          <ErrorAlert message={error} />
          <div className="actions">
            <button type="button" className="button" onClick={() => void pay()} disabled={!widgets || busy}>
              {t("pay", { amount })}
            </button>
          </div>
        </>
      ) : (
        <p role="status">{t.rich("notPayable", { link: (chunks) => <Link href="/points">{chunks}</Link> })}</p>
      )}
    </section>
  );
}
