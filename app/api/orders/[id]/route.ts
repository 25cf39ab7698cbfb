import { getOrder } from "@/lib/orders/get-order";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

export const GET = memberRoute(async ({ services, user, params }) =>
  json(await getOrder({ services, uid: user.uid, orderId: params.id ?? "" })),
);
