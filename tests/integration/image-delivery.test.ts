/**
 * Images reach the member's browser only through short-lived signed URLs: from Cloud
 * Storage (its stand-in) when BLOB_STORAGE=gcs, from the app's own /api/blobs on the
 * local disk. A URL works for its life, is refused once expired or changed, and
 * stops working the moment the image is deleted.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getBlob } from "../../app/api/blobs/route";
import { GET as getThumbnail } from "../../app/api/images/[id]/thumbnail/route";
import { ManualClock } from "../../lib/clock/clock";
import { getServerConfig } from "../../lib/config/env";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { imageFileResponse } from "../../lib/http/image-file-response";
import { signedBlobResponse } from "../../lib/http/signed-blob-response";
import { deleteImage } from "../../lib/images/delete-image";
import { listImages } from "../../lib/images/list-images";
import { signImageFileUrl } from "../../lib/images/sign-image-file-url";
import { createServices, getServices, type Services } from "../../lib/services";
import { expectAppError } from "../support/app-error-thrown";
import type { TestUser } from "../support/firebase-users";
import { APP_ORIGIN, call, readError } from "../support/http";
import { buyPoints, createMember } from "../support/members";
import { startGcsStandIn, type GcsStandIn } from "../support/stand-ins/gcs-stand-in";

const services = getServices();

async function generateImages(
  on: Services,
  uid: string,
): Promise<{ id: string; thumbnailUrl: string; thumbnails: unknown[] }[]> {
  const job = await submitGeneration({
    services: on,
    uid,
    input: { prompt: "lighthouse at dusk", model: "local-sketch", size: "512x512", count: 2 },
    idempotencyKey: randomUUID(),
  });
  expect(await runGenerationJob({ services: on, generationId: job.id, workerId: "delivery-test" })).toBe("finished");
  return (await listImages({ services: on, uid, page: {} })).items.filter((item) => item.generationId === job.id);
}

/** What the image route answers the member (its handler, on these services). */
function imageRoute(on: Services, member: TestUser, id: string, search = ""): Promise<Response> {
  return imageFileResponse(
    {
      request: new Request(`${APP_ORIGIN}/api/images/${id}/thumbnail${search}`),
      locale: "en",
      services: on,
      params: { id },
      user: { uid: member.uid, email: null, emailVerified: true, authTime: 0 },
    },
    { thumbnailWidth: null },
  );
}

describe("images from Cloud Storage", () => {
  const bucket = "imagesfactory-delivery-test";
  const directory = mkdtempSync(join(tmpdir(), "image-delivery-"));
  let standIn: GcsStandIn;
  let gcs: Services;
  let member: TestUser;

  beforeAll(async () => {
    const started = await startGcsStandIn({ bucket });
    standIn = started.standIn;
    const keyFile = join(directory, "service-account.json");
    writeFileSync(keyFile, JSON.stringify(started.key));
    gcs = createServices(
      {
        ...getServerConfig(),
        BLOB_STORAGE: "gcs",
        GCS_BUCKET: bucket,
        GCS_API_ENDPOINT: standIn.endpoint,
        GOOGLE_APPLICATION_CREDENTIALS: keyFile,
      },
      { db: services.db },
    );
    member = await createMember(services);
    await buyPoints(services, member.uid);
  });

  afterAll(async () => {
    await standIn.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it("keeps the files in the bucket, and shows a gallery image through a V4 signed URL", async () => {
    const [image] = await generateImages(gcs, member.uid);
    expect(gcs.localBlobs).toBeNull();
    // The original and each of its thumbnails (a 512 px image has two: 320 px and its own size).
    expect(image!.thumbnails).toHaveLength(2);
    expect(standIn.objectNames().filter((name) => name.includes(image!.id))).toHaveLength(3);
    expect(image!.thumbnailUrl).toBe(`/api/images/${image!.id}/thumbnail?w=320`);

    const redirect = await imageRoute(gcs, member, image!.id);
    expect(redirect.status).toBe(303);
    const signed = redirect.headers.get("location")!;
    expect(signed.startsWith(`${standIn.endpoint}/${bucket}/images/`)).toBe(true);
    expect(new URL(signed).searchParams.get("X-Goog-Algorithm")).toBe("GOOG4-RSA-SHA256");
    const shown = await fetch(signed);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("cache-control")).toBe("private, max-age=300, immutable");
    expect((await sharp(Buffer.from(await shown.arrayBuffer())).metadata()).format).toBe("webp");

    const download = await fetch((await imageRoute(gcs, member, image!.id, "?download")).headers.get("location")!);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${image!.id}.webp"`);
  });

  it("refuses a tampered URL and an expired one, and a URL stops working once its image is deleted", async () => {
    const [image, sibling] = await generateImages(gcs, member.uid);
    const signed = (await imageRoute(gcs, member, image!.id)).headers.get("location")!;
    expect((await fetch(signed)).status).toBe(200);

    const otherImage = signed.replace(image!.id, sibling!.id);
    expect(otherImage).not.toBe(signed);
    const tampered = await fetch(otherImage);
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain("<Code>SignatureDoesNotMatch</Code>");

    standIn.advance(301_000);
    try {
      const expired = await fetch(signed);
      expect(expired.status).toBe(400);
      expect(await expired.text()).toContain("<Code>ExpiredToken</Code>");
    } finally {
      standIn.advance(-301_000);
    }

    await deleteImage({ services: gcs, uid: member.uid, imageId: image!.id });
    const gone = await fetch(signed);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain("<Code>NoSuchKey</Code>");
    expect(standIn.objectNames().some((name) => name.includes(image!.id))).toBe(false);
  });

  it("signs nothing for another member", async () => {
    const [image] = await generateImages(gcs, member.uid);
    const stranger = await createMember(services);
    await expectAppError(
      signImageFileUrl({ services: gcs, uid: stranger.uid, imageId: image!.id, variant: "original", download: false }),
      "NOT_FOUND",
    );
  });
});

describe("images from the local disk", () => {
  let member: TestUser;

  beforeAll(async () => {
    member = await createMember(services);
    await buyPoints(services, member.uid);
  });

  it("serves a gallery image at /api/blobs, refusing a changed signature or disposition", async () => {
    const [image] = await generateImages(services, member.uid);
    const redirect = await call(getThumbnail, {
      path: image!.thumbnailUrl,
      params: { id: image!.id },
      token: member.idToken,
    });
    const signed = redirect.headers.get("location")!;
    const shown = await call(getBlob, { path: signed });
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toBe("image/webp");

    const query = new URL(signed, APP_ORIGIN).searchParams;
    const forged = new URLSearchParams(query);
    forged.set("signature", Buffer.alloc(32, 1).toString("base64url"));
    const attachment = new URLSearchParams(query);
    attachment.set("disposition", "attachment");
    const longer = new URLSearchParams(query);
    longer.set("expires", String(Number(query.get("expires")) + 3600));
    for (const changed of [forged, attachment, longer]) {
      const refused = await call(getBlob, { path: `/api/blobs?${changed}`, headers: { "accept-language": "en" } });
      expect(refused.status).toBe(403);
      expect(await readError(refused)).toMatchObject({ code: "FORBIDDEN", message: "This image link is not valid." });
    }
  });

  it("refuses a URL once its life is over", async () => {
    const clock = new ManualClock(new Date());
    const clocked = createServices(getServerConfig(), { db: services.db, clock });
    const [image] = await generateImages(clocked, member.uid);
    const signed = await signImageFileUrl({
      services: clocked,
      uid: member.uid,
      imageId: image!.id,
      variant: { thumbnailWidth: null },
      download: false,
    });
    const open = () =>
      signedBlobResponse({
        store: clocked.localBlobs,
        clock,
        query: new URL(signed.url, APP_ORIGIN).searchParams,
      });
    const fresh = await open();
    const maxAge = Number(/max-age=(\d+)/.exec(fresh.headers.get("cache-control")!)![1]);
    expect(maxAge).toBe(Math.floor((signed.expiresAt.getTime() - clock.now().getTime()) / 1000));
    clock.set(signed.expiresAt);
    const error = await expectAppError(open(), "FORBIDDEN");
    expect(error.messageKey).toBe("image.linkExpired");
  });
});
