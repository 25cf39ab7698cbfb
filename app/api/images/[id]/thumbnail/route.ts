import { imageFileResponse } from "@/lib/http/image-file-response";
import { memberRoute } from "@/lib/http/route";

export const GET = memberRoute((ctx) => imageFileResponse(ctx, "thumbnail"));
