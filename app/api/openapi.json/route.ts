import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { openApiDocument } from "@/lib/http/openapi-document";

export const GET = publicRoute(async () => json(openApiDocument()));
