import { cancelGeneration } from "@/lib/generation/cancel-generation";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

export const POST = memberRoute(async ({ services, user, params }) =>
  json(await cancelGeneration({ services, uid: user.uid, generationId: params.id ?? "" })),
);
