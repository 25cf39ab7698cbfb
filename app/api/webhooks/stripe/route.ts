import { webhookRoute } from "@/lib/http/route";
import { receiveStripeEvent } from "@/lib/payments/stripe/receive-stripe-event";

/** Stripe's events about Checkout Sessions: signed, verified before anything else; 2xx tells Stripe to stop retrying. */
export const POST = webhookRoute(async ({ request, services, rawBody }) => {
  const outcome = await receiveStripeEvent({ services, headers: request.headers, rawBody });
  return Response.json({ received: true, outcome });
});
