"use client";

/** The sandbox provider's checkout: pay or cancel a stored order through the same confirm path as real providers. */
import { useFormatter, useTranslations } from "next-intl";
import { Link, useRouter } from "@/i18n/navigation";
import { useState, type ReactNode } from "react";
import { api } from "@/components/shared/api-client";
import type { OrderView } from "@/components/shared/api-types";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { useMember } from "@/components/layout/member-context";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { useCheckoutOrder } from "@/components/points/use-checkout-order";
import { ErrorAlert } from "@/components/shared/error-alert";
import { formatMoney, fromMinorUnits } from "@/components/shared/money";
import { useErrorText } from "@/components/shared/use-error-text";

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export function SandboxCheckout({ orderId }: { orderId: string }) {
  const t = useTranslations("points.checkout");
  const format = useMemberFormat();
  const intlFormat = useFormatter();
  const router = useRouter();
  const errorText = useErrorText();
  const { me, refresh } = useMember();
  const { order, setOrder, missing, error, setError } = useCheckoutOrder(orderId);
  const [busy, setBusy] = useState<"pay" | "cancel" | null>(null);

  async function act(action: "pay" | "cancel") {
    setBusy(action);
    setError(null);
    try {
      const path = `/api/payments/sandbox/${encodeURIComponent(orderId)}/${action === "pay" ? "complete" : "cancel"}`;
      const next = await api<OrderView>(path, { method: "POST" });
      // The new balance first, so the confirmation never shows the old one.
      if (action === "pay") await refresh();
      setOrder(next);
    } catch (caught) {
      const target = authRedirectFor(caught);
      if (target) router.replace(target);
      else setError(errorText(caught));
    } finally {
      setBusy(null);
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
          <dd>{formatMoney(intlFormat, fromMinorUnits(order.amount, order.currency), order.currency)}</dd>
        </div>
        <div>
          <dt>{t("currency")}</dt>
          <dd>{order.currency}</dd>
        </div>
        <div>
          <dt>{t("ordered")}</dt>
          <dd>
            <time dateTime={order.createdAt}>{format.dateTime(order.createdAt)}</time>
          </dd>
        </div>
      </dl>
      <ErrorAlert message={error} />
      {order.status === "pending" ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => void act("pay")} disabled={busy !== null}>
            {t("pay")}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void act("cancel")}
            disabled={busy !== null}
          >
            {t("cancel")}
          </button>
        </div>
      ) : null}
      {order.status === "paid" ? (
        <div role="status" className="notice notice--success">
          <p>{t("paid", { count: order.points })}</p>
          {me ? <p>{t.rich("newBalance", { count: me.points, strong })}</p> : null}
          <p className="actions">
            <Link href="/generate" className="button">
              {t("start")}
            </Link>
            <Link href="/points">{t("back")}</Link>
          </p>
        </div>
      ) : null}
      {order.status === "canceled" ? (
        <div role="status" className="notice">
          <p>{t("canceled")}</p>
          <p>
            <Link href="/points">{t("back")}</Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}
