import type { GenerationJob } from "../generation/generation-job";
import type { Services } from "../services";
import { deleteImageFiles } from "./delete-image-files";
import { imageId, imageKeys } from "./image-record";

/**
 * Deletes the files that attempts up to `upToAttempt` may have written for images the
 * job never recorded (a worker died between storing the files and recording them).
 * Without a record nothing else would ever find these files.
 */
export async function discardUnrecordedImageFiles(options: {
  services: Services;
  generationId: string;
  job: GenerationJob;
  upToAttempt: number;
}): Promise<void> {
  const { services, generationId, job } = options;
  for (let index = 0; index < job.count; index++) {
    const id = imageId(generationId, index);
    if (job.imageIds.includes(id)) continue;
    for (let attempt = 1; attempt <= options.upToAttempt; attempt++) {
      await deleteImageFiles(services.blobs, imageKeys(job.uid, generationId, id, attempt).fileKey);
    }
  }
}
