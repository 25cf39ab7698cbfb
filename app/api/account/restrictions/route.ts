import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { setProcessingRestriction } from "@/lib/privacy/set-processing-restriction";

/** Restricts processing or objects to marketing, or lifts either. */
export const PUT = memberRoute(async ({ request, services, user }) =>
  json(await setProcessingRestriction({ services, uid: user.uid, input: await readJson(request) })),
);
