import type { BlobStorage } from "../storage/blob-storage";
import { imageFileKeys } from "./image-record";

/** Deletes every file an image may have (original and thumbnails), found from its original's key. */
export async function deleteImageFiles(blobs: BlobStorage, fileKey: string): Promise<void> {
  await Promise.all(imageFileKeys(fileKey).map((key) => blobs.delete(key)));
}
