import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFunctions } from "../../scripts/build-functions";

describe("the Cloud Functions deploy bundle", () => {
  it("builds from functions/src with lib/ and exports every trigger", async () => {
    // Inside the repository, so the external packages resolve from its node_modules.
    const outfile = join(process.env.DATA_DIR!, "functions", "index.cjs");
    await buildFunctions(outfile);
    const bundle = createRequire(import.meta.url)(outfile) as Record<string, unknown>;
    expect(Object.keys(bundle).sort()).toEqual([
      "deleteUnfinishedSignUpAccounts",
      "deliverMail",
      "expireUnpaidOrders",
      "onGenerationCreated",
      "onMailQueued",
      "purgeExpired",
      "recoverGenerations",
      "resumeProcessingRefunds",
      "resumeUnfinishedWithdrawals",
      "runDataExports",
    ]);
  });
});
