import { addDays } from "../clock/clock";
import { IMAGE_RETENTION_DAYS, imageId, imageKeys, type ImageRecord } from "../images/image-record";
import { imageProvenance } from "../provenance/image-provenance";
import { labelImageFile } from "../provenance/label-image-file";
import type { Services } from "../services";
import type { GenerationJob } from "./generation-job";

/**
 * Stores a checked PNG under the key of the job's current attempt, with its AI
 * provenance written in (XMP and C2PA; no visible mark: that goes on exported copies
 * only), and gives the record to write for it: the same for images a worker made and
 * outputs a provider reported. Its thumbnails come once it is recorded
 * (lib/images/make-thumbnails.ts).
 */
export async function storeGeneratedImage(
  services: Services,
  options: { job: GenerationJob; generationId: string; index: number; png: Buffer },
): Promise<ImageRecord> {
  const { job, generationId, index, png } = options;
  const keys = imageKeys(job.uid, generationId, imageId(generationId, index), job.attempts);
  const now = services.clock.now();
  const labelled = await labelImageFile({
    services,
    png,
    provenance: imageProvenance({ model: job.model, createdAt: now.toISOString() }),
  });
  await services.blobs.put(keys.fileKey, labelled, "image/png");
  return {
    uid: job.uid,
    generationId,
    index,
    prompt: job.prompt,
    model: job.model,
    size: job.size,
    ...keys,
    thumbnails: [],
    bytes: labelled.length,
    createdAt: now.toISOString(),
    expiresAt: addDays(now, IMAGE_RETENTION_DAYS).toISOString(),
  };
}
