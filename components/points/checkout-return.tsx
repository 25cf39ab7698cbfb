"use client";

/**
 * What became of the order a provider's hosted checkout sent the buyer back with
 * (`?order=…`, and `&checkout=canceled` from its cancel link). The provider's webhook
 * may land after the browser does, so a pending order is read again for a while; once
 * it is paid, the page below is mounted afresh to show the new balance and the order.
 */
import { useTranslations } from "next-intl";
import { Fragment, useEffect, useState, type ReactNode } from "react";
import { api, isAbort } from "@/components/shared/api-client";
import type { OrderView } from "@/components/shared/api-types";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";

const POLL_INTERVAL_MS = 2_000;
/** About a minute: Stripe usually sends checkout.session.completed within seconds. */
const MAX_POLLS = 30;

export function CheckoutReturn({
  orderId,
  canceled,
  children,
}: {
  orderId: string | null;
  canceled: boolean;
  children: ReactNode;
}) {
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  /** Bumped when the order turns paid while the page is open, to reload the balance and lists below. */
  const [paidWhileWaiting, setPaidWhileWaiting] = useState(0);
  const errorText = useErrorText();

  useEffect(() => {
    if (!orderId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async (poll: number) => {
      try {
        const current = await api<OrderView>(`/api/orders/${encodeURIComponent(orderId)}`, {
          signal: controller.signal,
        });
        setOrder(current);
        const waiting = current.status === "pending" && !canceled;
        if (!waiting) {
          if (poll > 0 && current.paidAt) setPaidWhileWaiting((count) => count + 1);
          return;
        }
        if (poll >= MAX_POLLS) setGaveUp(true);
        else timer = setTimeout(() => void read(poll + 1), POLL_INTERVAL_MS);
      } catch (caught) {
        if (!isAbort(caught)) setError(errorText(caught));
      }
    };
    void read(0);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [orderId, canceled, errorText]);

  return (
    <>
      <ErrorAlert message={error} />
      {order ? <ReturnNotice order={order} canceled={canceled} gaveUp={gaveUp} /> : null}
      <Fragment key={paidWhileWaiting}>{children}</Fragment>
    </>
  );
}

function ReturnNotice({ order, canceled, gaveUp }: { order: OrderView; canceled: boolean; gaveUp: boolean }) {
  const t = useTranslations("points.checkoutReturn");
  const label = order.orderId.slice(0, 8);
  if (order.paidAt)
    return (
      <div role="status" className="notice notice--success checkout-return">
        <p>{t("paid", { order: label, count: order.points })}</p>
        {order.receiptUrl ? (
          <p>
            <a href={order.receiptUrl} target="_blank" rel="noopener noreferrer">
              {t("receipt")}
            </a>
          </p>
        ) : null}
      </div>
    );
  if (order.status === "pending" && canceled)
    return (
      <p role="status" className="notice checkout-return">
        {t("canceled", { order: label })}
      </p>
    );
  if (order.status === "pending" || order.status === "waiting_for_deposit")
    return (
      <p role="status" className="notice checkout-return">
        {gaveUp ? t("stillPending", { order: label }) : t("confirming", { order: label })}
      </p>
    );
  return (
    <p role="status" className="notice notice--warning checkout-return">
      {t("notPaid", { order: label })}
    </p>
  );
}
