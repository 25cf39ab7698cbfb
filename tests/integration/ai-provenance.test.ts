/**
 * Every image file that leaves the service says it was made by AI, and by which model,
 * and names nobody (Korea's AI Basic Act; ARCHITECTURE.md, "AI provenance"). The files
 * are taken as a member takes them, through the real routes: a download, a generation's
 * ZIP and the data export archive. They are read with readers that share no code with
 * our writer: the PNG chunks and the XMP packet by hand and with a plain XML parser, the
 * C2PA manifest with c2pa-ts's own validator and with @contentauth/detector.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initSync as initDetector, scan_array_buffer } from "@contentauth/detector";
import { PNG } from "@trustnxt/c2pa-ts/asset";
import { SuperBox } from "@trustnxt/c2pa-ts/jumbf";
import { ActionAssertion, ManifestStore } from "@trustnxt/c2pa-ts/manifest";
import { XMLParser } from "fast-xml-parser";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as requestExportRoute } from "../../app/api/account/exports/route";
import { GET as downloadExportRoute } from "../../app/api/account/exports/[id]/route";
import { GET as zipRoute } from "../../app/api/generations/[id]/zip/route";
import { GET as imageFileRoute } from "../../app/api/images/[id]/file/route";
import { getServerConfig } from "../../lib/config/env";
import { runGenerationJob } from "../../lib/generation/run-generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { exportImageFile } from "../../lib/images/export-image-file";
import { IMAGES } from "../../lib/images/image-record";
import { listImages } from "../../lib/images/list-images";
import { prepareDataExports } from "../../lib/privacy/prepare-data-exports";
import { createServices, getServices, type Services } from "../../lib/services";
import type { TestUser } from "../support/firebase-users";
import { call } from "../support/http";
import { buyPoints, createMember } from "../support/members";
import { unzip } from "../support/unzip";

const services = getServices();
const PROMPT = "provenance probe: a lighthouse keeper's cat at dusk";
const MEMBER_NAME = "Test Member";
const AI_SOURCE = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

initDetector({
  module: readFileSync(createRequire(import.meta.url).resolve("@contentauth/detector/pkg/detector_bg.wasm")),
});

function pngChunks(bytes: Buffer): { type: string; data: Buffer }[] {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    chunks.push({
      type: bytes.toString("latin1", offset + 4, offset + 8),
      data: bytes.subarray(offset + 8, offset + 8 + length),
    });
    offset += 12 + length;
  }
  return chunks;
}

/** The properties of the XMP packet's rdf:Description, from the iTXt chunk the XMP specification names. */
function xmpProperties(png: Buffer): Record<string, string> {
  const keyword = Buffer.from("XML:com.adobe.xmp\0", "latin1");
  const chunk = pngChunks(png).find(
    ({ type, data }) => type === "iTXt" && data.subarray(0, keyword.length).equals(keyword),
  );
  expect(chunk, "an iTXt XML:com.adobe.xmp chunk").toBeDefined();
  // After the keyword: compression flag, method, and two empty strings (language, translated keyword).
  const rest = chunk!.data.subarray(keyword.length);
  expect(rest[0], "the XMP chunk is not compressed").toBe(0);
  const text = rest.subarray(4).toString("utf8");
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(text) as {
    "x:xmpmeta": { "rdf:RDF": { "rdf:Description": Record<string, string> } };
  };
  return xml["x:xmpmeta"]["rdf:RDF"]["rdf:Description"];
}

async function c2paManifest(png: Buffer) {
  const asset = new PNG(new Uint8Array(png));
  const jumbf = asset.getManifestJUMBF();
  expect(jumbf, "a C2PA manifest store").toBeDefined();
  const store = ManifestStore.read(SuperBox.fromBuffer(new Uint8Array(jumbf!)));
  const validation = await store.validate(asset);
  const manifest = store.getActiveManifest()!;
  const actions = manifest.assertions!.assertions.filter((a): a is ActionAssertion => a instanceof ActionAssertion);
  return {
    valid: validation.isValid,
    codes: validation.statusEntries.map((entry) => entry.code),
    generator: manifest.claim?.claimGeneratorName,
    actions: actions.flatMap((assertion) => assertion.actions),
  };
}

/** What any file leaving the service must show; `label` names it in failures. */
async function expectLabelled(png: Buffer, member: TestUser, label: string): Promise<void> {
  const xmp = xmpProperties(png);
  expect(xmp["Iptc4xmpExt:DigitalSourceType"], label).toBe(AI_SOURCE);
  expect(xmp["Iptc4xmpExt:AISystemUsed"], label).toBe("Local Sketch");
  expect(xmp["xmp:CreatorTool"], label).toBe("imagesfactory");

  const c2pa = await c2paManifest(png);
  expect(c2pa.valid, `${label}: ${c2pa.codes.join(", ")}`).toBe(true);
  expect(c2pa.codes).toContain("assertion.dataHash.match");
  expect(c2pa.generator).toBe("imagesfactory");
  expect(c2pa.actions).toContainEqual(
    expect.objectContaining({
      action: "c2pa.created",
      digitalSourceType: AI_SOURCE,
      softwareAgent: expect.objectContaining({ name: "Local Sketch" }),
    }),
  );
  expect(scan_array_buffer(new Uint8Array(png)), `${label}: the detector finds C2PA`).toBeGreaterThan(0);

  const bytes = png.toString("latin1");
  for (const identity of [member.uid, member.email, MEMBER_NAME, PROMPT, "lighthouse keeper"])
    expect(bytes.includes(Buffer.from(identity, "utf8").toString("latin1")), `${label} names "${identity}"`).toBe(
      false,
    );
}

async function generate(on: Services, member: TestUser): Promise<{ generationId: string; imageIds: string[] }> {
  const job = await submitGeneration({
    services: on,
    uid: member.uid,
    input: { prompt: PROMPT, model: "local-sketch", size: "512x512", count: 2 },
    idempotencyKey: randomUUID(),
  });
  expect(await runGenerationJob({ services: on, generationId: job.id, workerId: "provenance-test" })).toBe("finished");
  const images = (await listImages({ services: on, uid: member.uid, page: {} })).items;
  return { generationId: job.id, imageIds: images.filter((i) => i.generationId === job.id).map((i) => i.id) };
}

/** The bottom-right corner's pixels, where the visible mark goes by default. */
async function corner(png: Buffer): Promise<Buffer> {
  return sharp(png).extract({ left: 384, top: 448, width: 128, height: 64 }).removeAlpha().raw().toBuffer();
}

describe("AI provenance in every file that leaves the service", () => {
  let member: TestUser;
  let made: { generationId: string; imageIds: string[] };

  beforeAll(async () => {
    member = await createMember(services);
    await buyPoints(services, member.uid);
    made = await generate(services, member);
  });

  it("labels the stored original, without the visible mark", async () => {
    const record = (await services.db.get(IMAGES, made.imageIds[0]!))!.data;
    const stored = (await services.blobs.get(record.fileKey))!.bytes;
    await expectLabelled(stored, member, "stored original");
    expect(record.bytes).toBe(stored.length);
  });

  it("labels a downloaded file and draws the visible mark on it, leaving the original unmarked", async () => {
    const id = made.imageIds[0]!;
    const response = await call(imageFileRoute, {
      path: `/api/images/${id}/file?download`,
      params: { id },
      token: member.idToken,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${id}.png"`);
    const downloaded = Buffer.from(await response.arrayBuffer());
    await expectLabelled(downloaded, member, "download");

    const stored = (await services.blobs.get((await services.db.get(IMAGES, id))!.data.fileKey))!.bytes;
    expect((await corner(downloaded)).equals(await corner(stored))).toBe(false);
  });

  it("labels every image in a generation's ZIP", async () => {
    const response = await call(zipRoute, {
      path: `/api/generations/${made.generationId}/zip`,
      params: { id: made.generationId },
      token: member.idToken,
    });
    expect(response.status).toBe(200);
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    expect([...entries.keys()].sort()).toEqual(["image-1.png", "image-2.png"]);
    for (const [name, png] of entries) await expectLabelled(png, member, `ZIP entry ${name}`);
  });

  it("labels every image in the data export archive", async () => {
    const asked = await call(requestExportRoute, {
      method: "POST",
      path: "/api/account/exports",
      token: member.idToken,
    });
    const { id } = (await asked.json()) as { id: string };
    expect(await prepareDataExports({ services })).toBeGreaterThanOrEqual(1);
    const response = await call(downloadExportRoute, {
      path: `/api/account/exports/${id}`,
      params: { id },
      token: member.idToken,
    });
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    const images = [...entries].filter(([name]) => name.startsWith("images/"));
    expect(images).toHaveLength(2);
    for (const [name, png] of images) await expectLabelled(png, member, `export ${name}`);
  });

  it("keeps the XMP provenance in each thumbnail, adding under 1 KB", async () => {
    const record = (await services.db.get(IMAGES, made.imageIds[0]!))!.data;
    expect(record.thumbnails.length).toBeGreaterThan(0);
    for (const thumbnail of record.thumbnails) {
      const bytes = (await services.blobs.get(thumbnail.key))!.bytes;
      const xmp = (await sharp(bytes).metadata()).xmpAsString ?? "";
      expect(xmp).toContain(`Iptc4xmpExt:DigitalSourceType="${AI_SOURCE}"`);
      expect(xmp).toContain(`Iptc4xmpExt:AISystemUsed="Local Sketch"`);
      expect(Buffer.byteLength(xmp)).toBeLessThan(1024);
      for (const identity of [member.uid, member.email, PROMPT]) expect(bytes.includes(identity)).toBe(false);
    }
  });

  it("leaves the visible mark off when the deployer turns it off, still labelling the file", async () => {
    const unmarked = createServices(
      { ...getServerConfig(), AI_VISIBLE_MARK: "off" },
      { db: services.db, blobs: services.blobs },
    );
    const id = made.imageIds[1]!;
    const response = await call(imageFileRoute, {
      path: `/api/images/${id}/file?download`,
      params: { id },
      token: member.idToken,
    });
    const marked = Buffer.from(await response.arrayBuffer());
    const record = (await services.db.get(IMAGES, id))!.data;
    const plain = (await exportImageFile({ services: unmarked, image: record }))!;
    await expectLabelled(plain, member, "unmarked export");
    const stored = (await services.blobs.get(record.fileKey))!.bytes;
    expect((await corner(plain)).equals(await corner(stored))).toBe(true);
    expect((await corner(marked)).equals(await corner(stored))).toBe(false);
  });
});
