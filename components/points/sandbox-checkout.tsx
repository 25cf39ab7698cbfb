"use client";

/** The sandbox provider's checkout: pay or cancel a stored order through the same confirm path as real providers. */
import { Link } from "@/i18n/navigation";
import { useRouter } from "@/i18n/navigation";
import { useEffect, useState } from "react";
import { api, ApiError, isAbort, messageOf } from "@/components/shared/api-client";
import type { OrderView } from "@/components/shared/api-types";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { formatDateTime, formatMoney, formatPoints } from "@/components/shared/format";
import { useMember } from "@/components/layout/member-context";
import { ErrorAlert } from "@/components/shared/error-alert";

export function SandboxCheckout({ orderId }: { orderId: string }) {
  const router = useRouter();
  const { refresh } = useMember();
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState<"pay" | "cancel" | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api<OrderView>(`/api/orders/${encodeURIComponent(orderId)}`, { signal: controller.signal }).then(
      setOrder,
      (caught: unknown) => {
        if (isAbort(caught)) return;
        const target = authRedirectFor(caught);
        if (target) router.replace(target);
        else if (caught instanceof ApiError && caught.status === 404) setMissing(true);
        else setError(messageOf(caught));
      },
    );
    return () => controller.abort();
  }, [orderId, router]);

  async function act(action: "pay" | "cancel") {
    setBusy(action);
    setError(null);
    try {
      const path = `/api/payments/sandbox/${encodeURIComponent(orderId)}/${action === "pay" ? "complete" : "cancel"}`;
      setOrder(await api<OrderView>(path, { method: "POST" }));
      if (action === "pay") void refresh();
    } catch (caught) {
      const target = authRedirectFor(caught);
      if (target) router.replace(target);
      else setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  }

  if (missing) {
    return (
      <p role="alert" className="error">
        There is no such order. <Link href="/points">Return to your balance</Link>
      </p>
    );
  }
  if (!order) {
    return error ? (
      <p role="alert" className="error">
        {error}
      </p>
    ) : (
      <p role="status">Loading the order…</p>
    );
  }

  return (
    <section className="card checkout" aria-labelledby="order-heading">
      <h2 id="order-heading">Your order</h2>
      <dl className="facts">
        <div>
          <dt>Points</dt>
          <dd>{formatPoints(order.points)}</dd>
        </div>
        <div>
          <dt>Amount</dt>
          <dd>{formatMoney(order.amount, order.currency)}</dd>
        </div>
        <div>
          <dt>Currency</dt>
          <dd>{order.currency}</dd>
        </div>
        <div>
          <dt>Ordered</dt>
          <dd>{formatDateTime(order.createdAt)}</dd>
        </div>
      </dl>
      <ErrorAlert message={error} />
      {order.status === "pending" ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => void act("pay")} disabled={busy !== null}>
            Pay
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void act("cancel")}
            disabled={busy !== null}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {order.status === "paid" ? (
        <div role="status" className="notice notice--success">
          <p>
            Payment complete: {formatPoints(order.points)} were added to your balance
            {order.paidAt ? ` on ${formatDateTime(order.paidAt)}` : ""}.
          </p>
          <p>
            <Link href="/points">Return to your balance</Link>
          </p>
        </div>
      ) : null}
      {order.status === "canceled" ? (
        <div role="status" className="notice">
          <p>This order was canceled. Nothing was charged.</p>
          <p>
            <Link href="/points">Return to your balance</Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}
