"use client";

import { useEffect, useState } from "react";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { api, ApiError, isAbort } from "@/components/shared/api-client";
import type { OrderView } from "@/components/shared/api-types";
import { useErrorText } from "@/components/shared/use-error-text";
import { useRouter } from "@/i18n/navigation";

/**
 * The stored order a checkout page pays for, loaded once: `missing` when there is no
 * such order of this member's, `error` for anything else; a signed-out visitor is
 * sent to sign in. The checkout updates `order` and `error` as the buyer acts.
 */
export function useCheckoutOrder(orderId: string) {
  const router = useRouter();
  const errorText = useErrorText();
  const [order, setOrder] = useState<OrderView | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

  return { order, setOrder, missing, error, setError };
}
