import { IMAGES, imageId, type ImageRecord } from "../images/image-record";
import type { Services } from "../services";
import { GENERATIONS, type GenerationJob } from "./generation-job";

export interface RecordGeneratedImageOptions {
  services: Services;
  generationId: string;
  workerId: string;
  index: number;
  /** The stored image, or null when the image failed. */
  image: ImageRecord | null;
}

/**
 * Records one image's outcome and renews the lease in one transaction, unless the
 * lease was lost (another worker owns the job, or it was finished): then nothing is
 * written and null comes back, and the files the caller stored are nobody's. The
 * job's image list only grows, so a retry never records an image twice.
 */
export async function recordGeneratedImage(options: RecordGeneratedImageOptions): Promise<GenerationJob | null> {
  const { db, clock, config } = options.services;
  const { generationId, index, image } = options;
  return db.runTransaction(async (tx) => {
    const doc = await tx.get(GENERATIONS, generationId);
    if (!doc || doc.data.status !== "running" || doc.data.leaseOwner !== options.workerId) return null;
    const job = doc.data;
    const now = clock.now();
    const id = imageId(generationId, index);
    const changes: Pick<GenerationJob, "imageIds" | "imagesFailed" | "leaseExpiresAt" | "updatedAt"> = {
      imageIds: image && !job.imageIds.includes(id) ? [...job.imageIds, id] : job.imageIds,
      imagesFailed: !image && !job.imagesFailed.includes(index) ? [...job.imagesFailed, index] : job.imagesFailed,
      leaseExpiresAt: new Date(now.getTime() + config.JOB_LEASE_MS).toISOString(),
      updatedAt: now.toISOString(),
    };
    if (image) tx.set(IMAGES, id, image);
    tx.update(GENERATIONS, generationId, changes);
    return { ...job, ...changes };
  });
}
