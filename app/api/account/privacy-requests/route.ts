import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { filePrivacyRequest } from "@/lib/privacy/file-privacy-request";

/** Files a privacy request My page cannot serve alone, for staff, due in 10 days. */
export const POST = memberRoute(async ({ request, services, user }) =>
  json(await filePrivacyRequest({ services, uid: user.uid, input: await readJson(request) }), 201),
);
