import { getGeneration } from "@/lib/generation/get-generation";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

export const GET = memberRoute(async ({ services, user, params }) =>
  json(await getGeneration({ services, uid: user.uid, generationId: params.id ?? "" })),
);
