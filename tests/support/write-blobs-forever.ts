/**
 * A child process for blob-storage-local-disk.test.ts: writes large blobs through
 * LocalDiskStorage one after another until it is killed, so a SIGKILL lands in the
 * middle of a write.
 *
 * Usage: node --import tsx write-blobs-forever.ts <root>
 */
import { randomBytes } from "node:crypto";
import { LocalDiskStorage } from "../../lib/storage/local-disk-storage";
import { testUrlSigning } from "./url-signing";

const root = process.argv[2];
if (!root) {
  console.error("usage: write-blobs-forever.ts <root>");
  process.exit(2);
}
const blobs = new LocalDiskStorage(root, testUrlSigning());
const bytes = randomBytes(16 * 1024 * 1024);
for (let i = 0; ; i++) await blobs.put(`images/u/killed-${i % 4}.png`, bytes, "image/png");
