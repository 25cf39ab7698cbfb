/**
 * The Cloud Storage adapter, driven through @google-cloud/storage against the
 * stand-in (tests/support/stand-ins/gcs-stand-in.ts): the port's contract, then what
 * the real service would refuse.
 */
import { execFile } from "node:child_process";
import { createSign } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/clock/clock";
import { IMAGE_RETENTION_DAYS } from "../../lib/images/image-record";
import { CloudStorage, cloudStorageClient } from "../../lib/storage/cloud-storage";
import {
  startGcsStandIn,
  testServiceAccount,
  type GcsStandIn,
  type ServiceAccountKey,
} from "../support/stand-ins/gcs-stand-in";
import { describeBlobStorageContract } from "./contracts/blob-storage-contract";

const BUCKET = "imagesfactory-images-test";
const directory = mkdtempSync(join(tmpdir(), "blob-storage-gcs-"));
let standIn: GcsStandIn;
let key: ServiceAccountKey;
let keyFile: string;

function writeKeyFile(name: string, contents: ServiceAccountKey): string {
  const file = join(directory, name);
  writeFileSync(file, JSON.stringify(contents));
  return file;
}

beforeAll(async () => {
  // Pages of three items, so listing follows pageToken.
  ({ standIn, key } = await startGcsStandIn({ bucket: BUCKET, pageSize: 3 }));
  keyFile = writeKeyFile("service-account.json", key);
});

afterAll(async () => {
  await standIn.stop();
  rmSync(directory, { recursive: true, force: true });
});

/** Signing time follows the stand-in's, which the contract moves forward. */
function adapter(clock = new ManualClock(new Date(standIn.now())), keyFilename = keyFile): CloudStorage {
  return new CloudStorage({
    bucket: BUCKET,
    apiEndpoint: standIn.endpoint,
    keyFilename,
    urlLifetimeSeconds: 300,
    clock,
  });
}

describeBlobStorageContract("CloudStorage", async () => {
  const clock = new ManualClock(new Date(standIn.now()));
  return {
    blobs: adapter(clock),
    urlLifetimeSeconds: 300,
    now: () => clock.now(),
    advanceTime: (ms) => {
      clock.advance(ms);
      standIn.advance(ms);
    },
    fetchSigned: (url) => {
      expect(url.startsWith(`${standIn.endpoint}/${BUCKET}/`)).toBe(true);
      return fetch(url);
    },
  };
});

/** A bearer token as google-auth-library makes one, for calling the stand-in by hand. */
function selfSignedJwt(account: ServiceAccountKey, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT", kid: account.private_key_id })}.${part({
    iss: account.client_email,
    sub: account.client_email,
    scope: "https://www.googleapis.com/auth/devstorage.full_control",
    iat: now,
    exp: now + 3600,
    ...claims,
  })}`;
  return `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(account.private_key, "base64url")}`;
}

describe("CloudStorage against the Cloud Storage stand-in", () => {
  it("uploads in one multipart request, private to the member's browser, and lists page by page", async () => {
    const blobs = adapter();
    const prefix = "paged/u1/";
    for (const name of ["a", "b", "c", "d", "e", "f", "g"]) {
      await blobs.put(`${prefix}${name}.png`, Buffer.from(name), "image/png");
    }
    const upload = standIn.received.findLast((request) => request.path.startsWith("/upload/"))!;
    expect(upload).toMatchObject({ method: "POST", path: `/upload/storage/v1/b/${BUCKET}/o` });
    expect(upload.query).toMatchObject({ uploadType: "multipart", name: `${prefix}g.png` });
    expect(upload.body.toString("latin1")).toContain('"cacheControl":"private, max-age=300, immutable"');

    const before = standIn.received.length;
    expect(await blobs.list(prefix)).toEqual(["a", "b", "c", "d", "e", "f", "g"].map((n) => `${prefix}${n}.png`));
    const listings = standIn.received.slice(before).filter((request) => request.path.endsWith("/o"));
    expect(listings).toHaveLength(3);
    expect(listings.slice(1).every((request) => request.query.pageToken)).toBe(true);
  });

  it("sends a bearer token of the service account on every JSON API call", async () => {
    const jsonCalls = standIn.received.filter((request) => request.path.includes("/storage/v1/"));
    expect(jsonCalls.length).toBeGreaterThan(10);
    for (const request of jsonCalls) expect(request.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("is refused without credentials, or with another account's key", async () => {
    const anonymous = await fetch(`${standIn.endpoint}/storage/v1/b/${BUCKET}/o`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 401, errors: [{ reason: "authError" }] } });

    const stranger = testServiceAccount().key;
    const forged = await fetch(`${standIn.endpoint}/storage/v1/b/${BUCKET}/o`, {
      headers: {
        authorization: `Bearer ${selfSignedJwt({ ...stranger, private_key_id: key.private_key_id, client_email: key.client_email })}`,
      },
    });
    expect(forged.status).toBe(401);
    const expired = await fetch(`${standIn.endpoint}/storage/v1/b/${BUCKET}/o`, {
      headers: { authorization: `Bearer ${selfSignedJwt(key, { exp: Math.floor(Date.now() / 1000) - 10 })}` },
    });
    expect(expired.status).toBe(401);

    const impostor = adapter(undefined, writeKeyFile("stranger.json", stranger));
    await expect(impostor.put("refused/x.png", Buffer.from("x"), "image/png")).rejects.toMatchObject({ code: 401 });
    await expect(impostor.signedReadUrl("refused/x.png", { type: "inline", fileName: "x.png" })).resolves.toBeTruthy();
    expect(standIn.objectNames()).not.toContain("refused/x.png");
  });

  it("signs V4 URLs of the XML API, and answers a tampered or expired one with GCS's XML errors", async () => {
    const blobs = adapter();
    await blobs.put("xml/one.png", Buffer.from("one"), "image/png");
    const signed = await blobs.signedReadUrl("xml/one.png", { type: "inline", fileName: "one.png" });
    const url = new URL(signed.url);
    expect(url.pathname).toBe(`/${BUCKET}/xml/one.png`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      "X-Goog-Algorithm": "GOOG4-RSA-SHA256",
      "X-Goog-Credential": expect.stringMatching(new RegExp(`^${key.client_email}/\\d{8}/auto/storage/goog4_request$`)),
      "X-Goog-Expires": "300",
      "X-Goog-SignedHeaders": "host",
      "response-content-disposition": 'inline; filename="one.png"',
    });
    expect((await fetch(signed.url)).status).toBe(200);

    const flipped = new URL(signed.url);
    const signature = flipped.searchParams.get("X-Goog-Signature")!;
    flipped.searchParams.set("X-Goog-Signature", `${signature[0] === "0" ? "1" : "0"}${signature.slice(1)}`);
    const tampered = await fetch(flipped);
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain("<Code>SignatureDoesNotMatch</Code>");

    const longer = new URL(signed.url);
    longer.searchParams.set("X-Goog-Expires", "604800");
    expect((await fetch(longer)).status).toBe(403);

    const unsigned = await fetch(`${standIn.endpoint}/${BUCKET}/xml/one.png`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain("<Code>AccessDenied</Code>");

    standIn.advance(301_000);
    try {
      const expired = await fetch(signed.url);
      expect(expired.status).toBe(400);
      expect(await expired.text()).toContain("<Code>ExpiredToken</Code>");
    } finally {
      standIn.advance(-301_000);
    }
  });

  it("refuses the package's resumable uploads to a custom endpoint, which it sends without credentials", async () => {
    // @google-cloud/storage 7.22 does not pass useAuthWithCustomEndpoint to its resumable
    // uploads: the reason the adapter uploads in one multipart request.
    const bucket = cloudStorageClient({ apiEndpoint: standIn.endpoint, keyFilename: keyFile }).bucket(BUCKET);
    await expect(
      bucket.file("resumable/big.png").save(Buffer.alloc(1000, 7), { resumable: true, contentType: "image/png" }),
    ).rejects.toThrow(/401/);
    const attempt = standIn.received.findLast((request) => request.query.uploadType === "resumable")!;
    expect(attempt.authorization).toBeUndefined();
    expect(standIn.objectNames()).not.toContain("resumable/big.png");
  });

  it("takes resumable uploads in chunks, and media uploads, as the JSON API does", async () => {
    const authorization = `Bearer ${selfSignedJwt(key)}`;
    const start = await fetch(
      `${standIn.endpoint}/upload/storage/v1/b/${BUCKET}/o?uploadType=resumable&name=resumable/two.png`,
      {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ contentType: "image/png" }),
      },
    );
    const session = start.headers.get("location")!;
    expect(session).toContain("upload_id=");
    const first = await fetch(session, {
      method: "PUT",
      headers: { authorization, "content-range": "bytes 0-3/*" },
      body: "half",
    });
    expect([first.status, first.headers.get("range")]).toEqual([308, "bytes=0-3"]);
    const last = await fetch(session, {
      method: "PUT",
      headers: { authorization, "content-range": "bytes 4-7/8" },
      body: "done",
    });
    expect(await last.json()).toMatchObject({ name: "resumable/two.png", size: "8", contentType: "image/png" });
    expect((await adapter().get("resumable/two.png"))?.bytes.toString()).toBe("halfdone");

    const media = await fetch(
      `${standIn.endpoint}/upload/storage/v1/b/${BUCKET}/o?uploadType=media&name=media/one.png`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${selfSignedJwt(key)}`, "content-type": "image/png" },
        body: "media bytes",
      },
    );
    expect(await media.json()).toMatchObject({ name: "media/one.png", contentType: "image/png", size: "11" });
  });

  it("answers a missing object with 404, as GCS does", async () => {
    const missing = await fetch(`${standIn.endpoint}/storage/v1/b/${BUCKET}/o/nothing%2Fhere.png`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${selfSignedJwt(key)}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 404, errors: [{ reason: "notFound" }] } });
  });
});

describe("the bucket's lifecycle rule", () => {
  const run = promisify(execFile);
  const script = (action: "apply" | "check") =>
    run(process.execPath, ["--import", "tsx", "scripts/gcs-lifecycle.ts", action], {
      env: {
        ...process.env,
        BLOB_STORAGE: "gcs",
        GCS_BUCKET: BUCKET,
        GCS_API_ENDPOINT: standIn.endpoint,
        GOOGLE_APPLICATION_CREDENTIALS: keyFile,
      },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it("deletes objects at the images' retention age", () => {
    const lifecycle = JSON.parse(readFileSync("infra/gcs-lifecycle.json", "utf8")) as unknown;
    expect(lifecycle).toEqual({ rule: [{ action: { type: "Delete" }, condition: { age: IMAGE_RETENTION_DAYS } }] });
  });

  it("is reported missing, then applied, then found in place", async () => {
    const missing = await script("check");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('MISSING {"action":{"type":"Delete"},"condition":{"age":90}}');

    expect((await script("apply")).code).toBe(0);
    const bucket = await fetch(`${standIn.endpoint}/storage/v1/b/${BUCKET}`, {
      headers: { authorization: `Bearer ${selfSignedJwt(key)}` },
    });
    expect(((await bucket.json()) as { lifecycle: unknown }).lifecycle).toEqual({
      rule: [{ action: { type: "Delete" }, condition: { age: 90 } }],
    });
    expect(await script("check")).toMatchObject({ code: 0 });
  }, 60_000);
});
