import { downloadImageFile } from "@/lib/images/export-image-file";
import { imageFileResponse } from "@/lib/http/image-file-response";
import { memberRoute } from "@/lib/http/route";

/**
 * Shown: a redirect to the stored original (its provenance is in the file). Saved
 * (`?download`): the exported copy, with the visible AI mark, served from here so a
 * signed URL to the unmarked original never stands in for it.
 */
export const GET = memberRoute(async (ctx) => {
  if (!new URL(ctx.request.url).searchParams.has("download")) return imageFileResponse(ctx, "original");
  const { bytes, fileName } = await downloadImageFile({
    services: ctx.services,
    uid: ctx.user.uid,
    imageId: ctx.params.id ?? "",
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "image/png",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
