import { signedBlobResponse } from "@/lib/http/signed-blob-response";
import { publicRoute } from "@/lib/http/route";

/** Signed URLs of local-disk storage: the signature in the query is the only credential. */
export const GET = publicRoute(({ services, request }) =>
  signedBlobResponse({ store: services.localBlobs, clock: services.clock, query: new URL(request.url).searchParams }),
);
