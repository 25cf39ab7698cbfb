import { getGeneration } from "@/lib/generation/get-generation";
import { generationEvents } from "@/lib/http/generation-events";
import { memberRoute } from "@/lib/http/route";

/** Server-sent events: the job's state each time it changes, until it finishes. */
export const GET = memberRoute(async ({ request, services, user, params }) => {
  const generationId = params.id ?? "";
  await getGeneration({ services, uid: user.uid, generationId });
  return generationEvents({ services, uid: user.uid, generationId, signal: request.signal });
});
