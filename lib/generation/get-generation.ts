import { AppError } from "../errors/app-error";
import { IMAGES, imageUrls, type ImageUrls } from "../images/image-record";
import type { Services } from "../services";
import { GENERATIONS, type GenerationStatus } from "./generation-job";

export interface GenerationView {
  id: string;
  /** Waiting on the provider reads as running: the member sees the images being made either way. */
  status: Exclude<GenerationStatus, "waiting">;
  prompt: string;
  model: string;
  size: string;
  count: number;
  imagesDone: number;
  imagesFailed: number;
  images: ({ id: string } & ImageUrls)[];
  pointsReserved: number;
  pointsCharged: number | null;
  errorCode: string | null;
  createdAt: string;
}

/** A member's own generation; anyone else's reads as not found. */
export async function getGeneration(options: {
  services: Services;
  uid: string;
  generationId: string;
}): Promise<GenerationView> {
  const doc = await options.services.db.get(GENERATIONS, options.generationId);
  if (!doc || doc.data.uid !== options.uid) throw new AppError("NOT_FOUND", "generation.notFound");
  const job = doc.data;
  // The images that still exist: the member may have deleted some.
  const images = await options.services.db.query({
    collection: IMAGES,
    where: [{ field: "generationId", op: "==", value: options.generationId }],
    orderBy: [{ field: "index", direction: "asc" }],
  });
  return {
    id: doc.id,
    status: job.status === "waiting" ? "running" : job.status,
    prompt: job.prompt,
    model: job.model,
    size: job.size,
    count: job.count,
    imagesDone: job.imageIds.length,
    imagesFailed: job.imagesFailed.length,
    images: images
      .filter((image) => image.data.uid === options.uid)
      .map(({ id, data }) => ({ id, ...imageUrls(id, data) })),
    pointsReserved: job.pointsReserved,
    pointsCharged: job.pointsCharged,
    errorCode: job.errorCode,
    createdAt: job.createdAt,
  };
}
