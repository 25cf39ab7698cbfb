import { createOrder } from "@/lib/orders/create-order";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

export const POST = memberRoute(async ({ request, services, user }) =>
  json(await createOrder({ services, uid: user.uid, input: await readJson(request) }), 201),
);
