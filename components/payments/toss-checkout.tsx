"use client";

/**
 * Toss Payments' widget for a stored order: the amount comes from our order, never
 * from the page; the buyer is ANONYMOUS to Toss (no uid, email or name leaves us).
 * Toss sends the browser back to our success or fail page, which settle the order.
 */
import { ANONYMOUS, loadTossPayments, type TossPaymentsWidgets } from "@tosspayments/tosspayments-sdk";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { api, ApiError, isAbort } from "@/components/shared/api-client";
import type { OrderView } from "@/components/shared/api-types";
import { ErrorAlert } from "@/components/shared/error-alert";
import { formatMoney, fromMinorUnits } from "@/components/shared/money";
import { useErrorText } from "@/components/shared/use-error-text";
import { Link, useRouter } from "@/i18n/navigation";

export function TossCheckout({ orderId, clientKey, locale }: { orderId: string; clientKey: string; locale: string }) {
  const t = useTranslations("points.tossCheckout");
  const format = useMemberFormat();
  const intlFormat = useFormatter();
  const router = useRouter();
  const errorText = useErrorText();
  const [order, setOrder] = useState<OrderView | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [widgets, setWidgets] = useState<TossPaymentsWidgets | null>(null);
  const [busy, setBusy] = useState(false);
  const rendered = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    api<OrderView>(`/api/orders/${encodeURIComponent(orderId)}`, { signal: controller.signal }).then(
      setOrder,
      (caught: unknown) => {
        if (isAbort(caught)) return;
        const target = authRedirectFor(caught);
        if (target) router.replace(target);
        else if (caught instanceof ApiError && caught.status === 404) setMissing(true);
        else setError(errorText(caught));
      },
    );
    return () => controller.abort();
  }, [orderId, router, errorText]);

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
  }, [order, clientKey, t]);

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
