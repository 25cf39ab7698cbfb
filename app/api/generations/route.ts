import { submitGeneration } from "@/lib/generation/submit-generation";
import { requireIdempotencyKey } from "@/lib/http/idempotency-header";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

export const POST = memberRoute(async ({ request, services, user }) => {
  const idempotencyKey = requireIdempotencyKey(request);
  const job = await submitGeneration({ services, uid: user.uid, input: await readJson(request), idempotencyKey });
  return json(job, 202, { location: `/api/generations/${job.id}` });
});
