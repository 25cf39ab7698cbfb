import { json } from "@/lib/http/responses";
import { memberRoute } from "@/lib/http/route";
import { requestDataExport } from "@/lib/privacy/request-data-export";

/** Asks for an archive of everything held about the member, prepared in the background and announced by mail. */
export const POST = memberRoute(async ({ services, user }) =>
  json(await requestDataExport({ services, uid: user.uid }), 202),
);
