/**
 * Thumbnails come after the image: a job is finished and its image shown (as the
 * original) before they exist; then every size is stored and recorded; and every one
 * is deleted with the image, even one still being made or never recorded.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getServerConfig } from "../../lib/config/env";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { getGeneration } from "../../lib/generation/get-generation";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { deleteImage } from "../../lib/images/delete-image";
import { discardUnrecordedImageFiles } from "../../lib/images/discard-unrecorded-image-files";
import type { ImageProcessor, Thumbnail } from "../../lib/images/image-processor";
import { IMAGES, imageKeys, thumbnailKey } from "../../lib/images/image-record";
import { SharpImageProcessor } from "../../lib/images/sharp-image-processor";
import { ThumbnailBacklog } from "../../lib/images/thumbnail-backlog";
import { createServices, getServices, type Services } from "../../lib/services";
import { buyPoints, createMember } from "../support/members";

const services = getServices();

/** The real processor, whose thumbnails wait until the test opens the gate. */
function gatedProcessor(): { processor: ImageProcessor; open: () => void } {
  const sharp = new SharpImageProcessor();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const processor: ImageProcessor = {
    inspect: (image) => sharp.inspect(image),
    thumbnails: async (image, options): Promise<Thumbnail[]> => {
      await gate;
      return sharp.thumbnails(image, options);
    },
    withVisibleMark: (image, mark) => sharp.withVisibleMark(image, mark),
  };
  return { processor, open };
}

async function finishedJob(
  on: Services,
  thumbnails?: ThumbnailBacklog,
): Promise<{ uid: string; generationId: string; imageId: string }> {
  const member = await createMember(services);
  await buyPoints(services, member.uid);
  const { id } = await submitGeneration({
    services: on,
    uid: member.uid,
    input: { prompt: "a paper boat", model: "local-sketch", size: "1024x1024", count: 1 },
    idempotencyKey: randomUUID(),
  });
  expect(await runGenerationJob({ services: on, generationId: id, workerId: "thumbnail-test", thumbnails })).toBe(
    "finished",
  );
  return { uid: member.uid, generationId: id, imageId: `${id}-0` };
}

describe("thumbnails", () => {
  it("come after the job is finished; meanwhile the original stands in for them", async () => {
    const { processor, open } = gatedProcessor();
    const gated = createServices(getServerConfig(), {
      db: services.db,
      blobs: services.blobs,
      imageProcessor: processor,
    });
    const backlog = new ThumbnailBacklog(gated);
    const { uid, generationId, imageId } = await finishedJob(gated, backlog);

    expect((await services.db.get(GENERATIONS, generationId))!.data.status).toBe("succeeded");
    const before = (await getGeneration({ services, uid, generationId })).images[0]!;
    expect(before.thumbnails).toEqual([]);
    expect(before.thumbnailUrl).toBe(before.url);

    open();
    await backlog.settled();
    const record = (await services.db.get(IMAGES, imageId))!.data;
    expect(record.thumbnails.map(({ width, height }) => [width, height])).toEqual([
      [320, 320],
      [640, 640],
      [960, 960],
    ]);
    for (const thumbnail of record.thumbnails) expect(await services.blobs.get(thumbnail.key)).not.toBeNull();
    const after = (await getGeneration({ services, uid, generationId })).images[0]!;
    expect(after.thumbnails.map((t) => t.width)).toEqual([320, 640, 960]);
    expect(after.thumbnailUrl).toBe(after.thumbnails[0]!.url);
  });

  it("are all deleted with their image", async () => {
    const { uid, generationId, imageId } = await finishedJob(services);
    const record = (await services.db.get(IMAGES, imageId))!.data;
    expect(record.thumbnails).toHaveLength(3);

    await deleteImage({ services, uid, imageId });

    expect(await services.blobs.list(`images/${uid}/${generationId}/`)).toEqual([]);
  });

  it("being made when their image is deleted are deleted too", async () => {
    const { processor, open } = gatedProcessor();
    const gated = createServices(getServerConfig(), {
      db: services.db,
      blobs: services.blobs,
      imageProcessor: processor,
    });
    const backlog = new ThumbnailBacklog(gated);
    const { uid, generationId, imageId } = await finishedJob(gated, backlog);

    await deleteImage({ services, uid, imageId });
    open();
    await backlog.settled();

    expect(await services.db.get(IMAGES, imageId)).toBeNull();
    expect(await services.blobs.list(`images/${uid}/${generationId}/`)).toEqual([]);
  });

  it("stored but never recorded (a worker died) are found from the image's key", async () => {
    const { uid, generationId, imageId } = await finishedJob(services);
    const { fileKey } = (await services.db.get(IMAGES, imageId))!.data;
    const job = (await services.db.get(GENERATIONS, generationId))!.data;
    // A dead attempt's image and thumbnail that no record names; and a recorded image's thumbnail its record does not list.
    const deadFile = imageKeys(uid, generationId, `${generationId}-1`, 1).fileKey;
    await services.blobs.put(thumbnailKey(deadFile, 640), Buffer.from("RIFF"), "image/webp");
    await discardUnrecordedImageFiles({
      services,
      generationId,
      job: { ...job, count: 2 },
      upToAttempt: 1,
    });
    expect(await services.blobs.get(thumbnailKey(deadFile, 640))).toBeNull();

    await services.db.runTransaction(async (tx) => tx.update(IMAGES, imageId, { thumbnails: [] }));
    await deleteImage({ services, uid, imageId });
    expect(await services.blobs.list(`images/${uid}/${generationId}/`)).toEqual([]);
    expect(await services.blobs.get(fileKey)).toBeNull();
  });
});
