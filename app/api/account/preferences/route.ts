import { updatePreferences } from "@/lib/accounts/update-preferences";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

/** Stores the member's language and time zone, in which their mail goes out. */
export const PUT = memberRoute(async ({ request, services, user }) =>
  json(await updatePreferences({ services, uid: user.uid, input: await readJson(request) })),
);
