"use client";

/**
 * Where Toss sends the buyer back. Success: the redirect's paymentKey, orderId and
 * amount go to our confirm API, which checks them against the stored order before
 * Toss is asked. Fail: the order is closed as failed. Either way the page says what
 * happened and what to do next.
 */
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { useMember } from "@/components/layout/member-context";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { api } from "@/components/shared/api-client";
import type { OrderView } from "@/components/shared/api-types";
import { useErrorText } from "@/components/shared/use-error-text";
import { Link, useRouter } from "@/i18n/navigation";

export type TossRedirect =
  | { outcome: "success"; paymentKey: string; orderId: string; amount: number }
  | { outcome: "fail"; orderId: string; code: string };

export function TossCheckoutResult({ redirect }: { redirect: TossRedirect }) {
  const t = useTranslations("points.tossCheckout");
  const format = useMemberFormat();
  const router = useRouter();
  const errorText = useErrorText();
  const { refresh } = useMember();
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const request =
      redirect.outcome === "success"
        ? api<OrderView>("/api/payments/toss/confirm", {
            method: "POST",
            body: { paymentKey: redirect.paymentKey, orderId: redirect.orderId, amount: redirect.amount },
          })
        : api<OrderView>("/api/payments/toss/fail", {
            method: "POST",
            body: { orderId: redirect.orderId, code: redirect.code },
          });
    request.then(
      async (next) => {
        if (next.status === "paid") await refresh();
        setOrder(next);
      },
      (caught: unknown) => {
        const target = authRedirectFor(caught);
        if (target) router.replace(target);
        else setError(errorText(caught));
      },
    );
  }, [redirect, refresh, router, errorText]);

  const back = (
    <Link href="/points" className="button button--secondary">
      {t("back")}
    </Link>
  );
  if (error) return <Outcome tone="error" lines={[error]} actions={back} />;
  if (!order) return <p role="status">{redirect.outcome === "success" ? t("confirming") : t("loading")}</p>;
  if (order.status === "paid") {
    return (
      <Outcome
        tone="success"
        lines={[t("paid", { count: order.points })]}
        actions={
          <>
            <Link href="/generate" className="button">
              {t("start")}
            </Link>
            {order.receiptUrl ? (
              <a href={order.receiptUrl} target="_blank" rel="noopener noreferrer">
                {t("receipt")}
              </a>
            ) : null}
            {back}
          </>
        }
      />
    );
  }
  if (order.status === "waiting_for_deposit") {
    return (
      <Outcome tone="info" lines={[t("waitingForDeposit", { due: format.dateTime(order.expiresAt) })]} actions={back} />
    );
  }
  return (
    <Outcome
      tone="error"
      lines={[t("failed"), ...(redirect.outcome === "fail" ? [t("failedCode", { code: redirect.code })] : [])]}
      actions={
        <>
          <Link href="/points" className="button">
            {t("retry")}
          </Link>
        </>
      }
    />
  );
}

function Outcome({
  tone,
  lines,
  actions,
}: {
  tone: "success" | "info" | "error";
  lines: string[];
  actions: ReactNode;
}) {
  const className =
    tone === "success" ? "notice notice--success" : tone === "error" ? "notice notice--warning" : "notice";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={className}>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p className="actions">{actions}</p>
    </div>
  );
}
