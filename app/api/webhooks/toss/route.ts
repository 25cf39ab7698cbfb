import { webhookRoute } from "@/lib/http/route";
import { receiveTossWebhook } from "@/lib/payments/receive-toss-webhook";

/**
 * Toss Payments' webhooks (PAYMENT_STATUS_CHANGED, DEPOSIT_CALLBACK). They are not
 * signed: the handler acts only on a re-read of the payment from Toss, and on a deposit
 * callback's secret. Toss counts anything but 200 as a failure and sends it again.
 */
export const POST = webhookRoute(async ({ services, rawBody }) => {
  await receiveTossWebhook({ services, rawBody });
  return new Response(null, { status: 200 });
});
