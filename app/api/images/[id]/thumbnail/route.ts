import { imageFileResponse } from "@/lib/http/image-file-response";
import { memberRoute } from "@/lib/http/route";

/** `?w=` names a thumbnail by its width (the srcset's); without it, the smallest. */
export const GET = memberRoute((ctx) => {
  const width = Number(new URL(ctx.request.url).searchParams.get("w") ?? Number.NaN);
  return imageFileResponse(ctx, { thumbnailWidth: Number.isInteger(width) ? width : null });
});
