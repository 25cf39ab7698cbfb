import { zipGenerationImages } from "@/lib/images/zip-generation-images";
import { memberRoute } from "@/lib/http/route";

export const GET = memberRoute(async ({ services, user, params }) => {
  const zip = await zipGenerationImages({ services, uid: user.uid, generationId: params.id ?? "" });
  return new Response(zip.stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${zip.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
