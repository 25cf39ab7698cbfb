import { json } from "@/lib/http/responses";
import { publicRoute } from "@/lib/http/route";
import { recordDisplay } from "@/lib/pricing/display-records";
import { getCatalog } from "@/lib/pricing/get-catalog";

export const GET = publicRoute(async ({ services }) => {
  const catalog = getCatalog({ services });
  await recordDisplay({ services, surface: "catalog-api", catalog });
  return json(catalog);
});
