/**
 * Applies the image bucket's lifecycle rule (infra/gcs-lifecycle.json) to GCS_BUCKET,
 * or checks that it is in place (exit 1 when a rule is missing).
 *
 *   npm run storage:lifecycle:apply
 *   npm run storage:lifecycle:check
 *
 * Uses the same credentials as the app: GOOGLE_APPLICATION_CREDENTIALS or the
 * runtime's identity, and GCS_API_ENDPOINT when set.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getServerConfig, loadEnvFile } from "../lib/config/env";
import {
  applyBucketLifecycle,
  missingLifecycleRules,
  type BucketLifecycle,
} from "../lib/storage/cloud-storage-lifecycle";

const action = process.argv[2];
if (action !== "apply" && action !== "check") {
  process.stderr.write("usage: gcs-lifecycle.ts apply|check\n");
  process.exit(2);
}
loadEnvFile();
const config = getServerConfig();
if (!config.GCS_BUCKET) {
  process.stderr.write("Set GCS_BUCKET to the image bucket's name.\n");
  process.exit(2);
}
const options = {
  bucket: config.GCS_BUCKET,
  apiEndpoint: config.GCS_API_ENDPOINT,
  keyFilename: config.GOOGLE_APPLICATION_CREDENTIALS,
  lifecycle: JSON.parse(
    readFileSync(join(import.meta.dirname, "..", "infra", "gcs-lifecycle.json"), "utf8"),
  ) as BucketLifecycle,
};
if (action === "apply") {
  await applyBucketLifecycle(options);
  process.stdout.write(`Lifecycle of gs://${options.bucket} set from infra/gcs-lifecycle.json.\n`);
} else {
  const missing = await missingLifecycleRules(options);
  for (const rule of missing) process.stdout.write(`MISSING ${JSON.stringify(rule)}\n`);
  process.stdout.write(
    missing.length === 0
      ? `gs://${options.bucket} has every rule of infra/gcs-lifecycle.json.\n`
      : `gs://${options.bucket} lacks ${missing.length} rule(s): run npm run storage:lifecycle:apply.\n`,
  );
  process.exit(missing.length === 0 ? 0 : 1);
}
