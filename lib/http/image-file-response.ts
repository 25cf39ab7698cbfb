import { readImageFile, type ImageFileVariant } from "../images/read-image-file";
import type { UserRequestContext } from "./route";

/** Image bytes for their owner only; never cached. */
export async function imageFileResponse(ctx: UserRequestContext, variant: ImageFileVariant): Promise<Response> {
  const file = await readImageFile({
    services: ctx.services,
    uid: ctx.user.uid,
    imageId: ctx.params.id ?? "",
    variant,
  });
  const download = new URL(ctx.request.url).searchParams.has("download");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes.length),
      // Not kept by the browser either: a deleted image must be gone at once.
      "cache-control": "private, no-store",
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
    },
  });
}
