import { randomBytes } from "node:crypto";
import { systemClock, type Clock } from "../../lib/clock/clock";
import type { AppUrlSigning } from "../../lib/storage/app-signed-urls";

/** URL signing for a LocalDiskStorage made in a test: a fresh key, the default lifetime. */
export function testUrlSigning(clock: Clock = systemClock): AppUrlSigning {
  return { secret: randomBytes(32), lifetimeSeconds: 300, clock };
}
