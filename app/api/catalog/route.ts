import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { getCatalog } from "@/lib/pricing/get-catalog";

export const GET = publicRoute(async ({ services }) => json(getCatalog({ services })));
