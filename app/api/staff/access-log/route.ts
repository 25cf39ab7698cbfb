import { json } from "@/lib/http/responses";
import { staffRoute } from "@/lib/http/route";
import { staffAccessLogKey } from "@/lib/staff/access-log";
import { verifyAccessLog } from "@/lib/staff/verify-access-log";

/** Proves the access log, as `npm run audit:verify` does: admins only. */
export const GET = staffRoute(
  { roles: ["admin"], action: "access-log.verify", needsReason: false },
  async ({ services }) =>
    json(
      await verifyAccessLog({
        db: services.db,
        key: staffAccessLogKey(services.config),
        now: services.clock.now(),
      }),
    ),
);
