/** The blob storage port's factory. */
import { join } from "node:path";
import type { ServerConfig } from "../config/env";
import type { BlobStorage } from "./blob-storage";
import { LocalDiskStorage } from "./local-disk-storage";

export function createBlobStorage(config: ServerConfig): BlobStorage {
  switch (config.BLOB_STORAGE) {
    case "local-disk":
      return new LocalDiskStorage(join(config.DATA_DIR, "blobs"));
  }
}
