import { changeName } from "@/lib/accounts/change-name";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";

/** Corrects the member's name. */
export const PUT = memberRoute(async ({ request, services, user }) =>
  json(await changeName({ services, uid: user.uid, input: await readJson(request) })),
);
