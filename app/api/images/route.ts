import { listImages } from "@/lib/images/list-images";
import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { searchParams } from "@/lib/http/search-params";

export const GET = memberRoute(async ({ request, services, user }) =>
  json(await listImages({ services, uid: user.uid, page: searchParams(request) })),
);
