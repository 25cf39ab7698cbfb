import { receivePredictionWebhook } from "@/lib/generation/receive-prediction-webhook";
import { webhookRoute } from "@/lib/http/route";

/** Replicate's prediction webhooks: signed (Standard Webhooks), verified before anything else. */
export const POST = webhookRoute(async ({ request, services, rawBody }) => {
  await receivePredictionWebhook({ services, headers: request.headers, rawBody });
  return new Response(null, { status: 204 });
});
