/** The blob storage port's factory. */
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "../clock/clock";
import type { ServerConfig } from "../config/env";
import type { BlobStorage } from "./blob-storage";
import { CloudStorage } from "./cloud-storage";
import { LocalDiskStorage } from "./local-disk-storage";

export function createBlobStorage(config: ServerConfig, clock: Clock): BlobStorage {
  switch (config.BLOB_STORAGE) {
    case "local-disk":
      return new LocalDiskStorage(join(config.DATA_DIR, "blobs"), {
        secret: config.BLOB_URL_SECRET ? Buffer.from(config.BLOB_URL_SECRET) : localUrlSecret(config.DATA_DIR),
        lifetimeSeconds: config.BLOB_URL_LIFETIME_SECONDS,
        clock,
      });
    case "gcs":
      return new CloudStorage({
        // The configuration refuses gcs without a bucket.
        bucket: config.GCS_BUCKET ?? "",
        apiEndpoint: config.GCS_API_ENDPOINT,
        keyFilename: config.GOOGLE_APPLICATION_CREDENTIALS,
        urlLifetimeSeconds: config.BLOB_URL_LIFETIME_SECONDS,
        clock,
      });
  }
}

/**
 * Local mode's URL key when none is configured: made once and kept in DATA_DIR, so
 * the web server's processes and restarts agree on it.
 */
function localUrlSecret(dataDir: string): Buffer {
  const file = join(dataDir, "blob-url-secret");
  const candidate = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(candidate, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    // A link appears whole and fails if the file exists: the first process to get there wins.
    linkSync(candidate, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(candidate, { force: true });
  }
  return readFileSync(file);
}
