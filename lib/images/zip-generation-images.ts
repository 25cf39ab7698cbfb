import { Readable } from "node:stream";
import yazl from "yazl";
import { AppError } from "../errors/app-error";
import { GENERATIONS } from "../generation/generation-job";
import type { Services } from "../services";
import { exportImageFile } from "./export-image-file";
import { IMAGES } from "./image-record";

/**
 * All images of a member's generation in one ZIP, streamed, each as its exported
 * copy (visible mark and provenance). PNGs are stored, not deflated again: they are
 * compressed already.
 */
export async function zipGenerationImages(options: {
  services: Services;
  uid: string;
  generationId: string;
}): Promise<{ stream: ReadableStream<Uint8Array>; fileName: string }> {
  const { db } = options.services;
  const job = await db.get(GENERATIONS, options.generationId);
  if (!job || job.data.uid !== options.uid) throw new AppError("NOT_FOUND", "generation.notFound");
  const images = await db.query({
    collection: IMAGES,
    where: [{ field: "generationId", op: "==", value: options.generationId }],
    orderBy: [{ field: "index", direction: "asc" }],
  });
  const mine = images.filter((image) => image.data.uid === options.uid);
  if (mine.length === 0) throw new AppError("NOT_FOUND", "generation.noImages");
  const zip = new yazl.ZipFile();
  for (const image of mine) {
    const file = await exportImageFile({ services: options.services, image: image.data });
    if (file)
      zip.addBuffer(file, `image-${image.data.index + 1}.png`, {
        compress: false,
        mtime: new Date(image.data.createdAt),
      });
  }
  zip.end();
  return {
    stream: Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>,
    fileName: `imagesfactory-${options.generationId}.zip`,
  };
}
