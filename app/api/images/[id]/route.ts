import { deleteImage } from "@/lib/images/delete-image";
import { memberRoute } from "@/lib/http/route";

export const DELETE = memberRoute(async ({ services, user, params }) => {
  await deleteImage({ services, uid: user.uid, imageId: params.id ?? "" });
  return new Response(null, { status: 204 });
});
