import { memberRoute } from "@/lib/http/route";
import { readDataExport } from "@/lib/privacy/read-data-export";

/** The member's own archive, while it lasts (7 days). */
export const GET = memberRoute(async ({ services, user, params }) => {
  const { bytes, fileName } = await readDataExport({ services, uid: user.uid, exportId: params.id ?? "" });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
