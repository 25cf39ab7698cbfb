import { webhookRoute } from "@/lib/http/route";
import { receiveSendGridEvents, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/mail/receive-sendgrid-events";

/** SendGrid's Event Webhook: bounces and spam reports stop mail to an address. */
export const POST = webhookRoute(async ({ request, services, rawBody }) => {
  await receiveSendGridEvents({
    services,
    rawBody,
    signature: request.headers.get(SIGNATURE_HEADER),
    timestamp: request.headers.get(TIMESTAMP_HEADER),
  });
  return new Response(null, { status: 204 });
});
