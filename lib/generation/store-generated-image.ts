import { addDays } from "../clock/clock";
import { IMAGE_RETENTION_DAYS, imageId, imageKeys, type ImageRecord } from "../images/image-record";
import type { Services } from "../services";
import type { GenerationJob } from "./generation-job";

/**
 * Stores a checked PNG under the key of the job's current attempt and gives the record
 * to write for it: the same for images a worker made and outputs a provider reported.
 * Its thumbnails come once it is recorded (lib/images/make-thumbnails.ts).
 */
export async function storeGeneratedImage(
  services: Services,
  options: { job: GenerationJob; generationId: string; index: number; png: Buffer },
): Promise<ImageRecord> {
  const { job, generationId, index, png } = options;
  const keys = imageKeys(job.uid, generationId, imageId(generationId, index), job.attempts);
  await services.blobs.put(keys.fileKey, png, "image/png");
  const now = services.clock.now();
  return {
    uid: job.uid,
    generationId,
    index,
    prompt: job.prompt,
    model: job.model,
    size: job.size,
    ...keys,
    thumbnails: [],
    bytes: png.length,
    createdAt: now.toISOString(),
    expiresAt: addDays(now, IMAGE_RETENTION_DAYS).toISOString(),
  };
}
