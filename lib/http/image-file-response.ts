import { signImageFileUrl, type ImageFileVariant } from "../images/sign-image-file-url";
import type { UserRequestContext } from "./route";

/**
 * A member's own image: a redirect to a signed URL of its bytes, so <img src>,
 * links and downloads all work with the stable API path. The redirect itself is not
 * kept (the ownership check runs on every visit); the bytes behind it are cached
 * privately for the signed URL's life.
 */
export async function imageFileResponse(ctx: UserRequestContext, variant: ImageFileVariant): Promise<Response> {
  const signed = await signImageFileUrl({
    services: ctx.services,
    uid: ctx.user.uid,
    imageId: ctx.params.id ?? "",
    variant,
    download: new URL(ctx.request.url).searchParams.has("download"),
  });
  return new Response(null, {
    status: 303,
    headers: { location: signed.url, "cache-control": "private, no-store" },
  });
}
