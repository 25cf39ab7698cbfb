import { createOrder } from "@/lib/orders/create-order";
import { listOrders } from "@/lib/orders/list-orders";
import { requireIdempotencyKey } from "@/lib/http/idempotency-header";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { searchParams } from "@/lib/http/search-params";

export const GET = memberRoute(async ({ request, services, user }) =>
  json(await listOrders({ services, uid: user.uid, page: searchParams(request) })),
);

export const POST = memberRoute(async ({ request, locale, services, user }) => {
  const idempotencyKey = requireIdempotencyKey(request);
  const input = await readJson(request);
  const order = await createOrder({ services, uid: user.uid, input, idempotencyKey, locale });
  return json(order, 201, { location: `/api/orders/${order.orderId}` });
});
