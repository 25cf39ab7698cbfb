import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { searchParams } from "@/lib/http/search-params";
import { listPointEntries } from "@/lib/points/list-point-entries";

export const GET = memberRoute(async ({ request, services, user }) =>
  json(await listPointEntries({ services, uid: user.uid, page: searchParams(request) })),
);
