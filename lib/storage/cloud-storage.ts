/**
 * Blob storage in a private Cloud Storage bucket, through @google-cloud/storage 7
 * (the JSON API for objects, V4 signed URLs of the XML API for reads). Vendor types
 * stop in this file.
 *
 * Credentials come from the runtime: with a service-account key file
 * (GOOGLE_APPLICATION_CREDENTIALS) URLs are signed locally with its key; without one
 * (Cloud Run) the metadata server supplies tokens and URLs are signed through the
 * IAM signBlob API, which needs roles/iam.serviceAccountTokenCreator on the
 * service's own account.
 */
import { Storage, type Bucket, type StorageOptions } from "@google-cloud/storage";
import type { Clock } from "../clock/clock";
import {
  assertBlobKey,
  assertBlobPrefix,
  contentDispositionHeader,
  signingWindow,
  type BlobStorage,
  type ContentDisposition,
  type SignedReadUrl,
  type StoredBlob,
} from "./blob-storage";

export interface CloudStorageOptions {
  bucket: string;
  /** Another endpoint than Cloud Storage's own (a stand-in); signed URLs then point there too. */
  apiEndpoint?: string;
  keyFilename?: string;
  urlLifetimeSeconds: number;
  clock: Clock;
}

export function cloudStorageClient(options: Pick<CloudStorageOptions, "apiEndpoint" | "keyFilename">): Storage {
  const storageOptions: StorageOptions = { keyFilename: options.keyFilename };
  if (options.apiEndpoint) {
    storageOptions.apiEndpoint = options.apiEndpoint;
    // The package sends no credentials to a custom endpoint unless told to.
    storageOptions.useAuthWithCustomEndpoint = true;
  }
  return new Storage(storageOptions);
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown }).code === 404;
}

export class CloudStorage implements BlobStorage {
  private readonly bucket: Bucket;

  constructor(private readonly options: CloudStorageOptions) {
    this.bucket = cloudStorageClient(options).bucket(options.bucket);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    assertBlobKey(key);
    // One multipart request: an object appears whole or not at all, and images are small.
    await this.bucket.file(key).save(bytes, {
      resumable: false,
      contentType,
      metadata: {
        // What the signed-URL answer carries: only the member's browser may keep it, and
        // not beyond the URL's life. Google's edge caches nothing marked private.
        cacheControl: `private, max-age=${this.options.urlLifetimeSeconds}, immutable`,
      },
    });
  }

  async get(key: string): Promise<StoredBlob | null> {
    assertBlobKey(key);
    try {
      const [metadata] = await this.bucket.file(key).getMetadata();
      // Read the generation the metadata describes, so bytes and type belong together even under an overwrite.
      const [bytes] = await this.bucket.file(key, { generation: metadata.generation }).download();
      return { bytes, contentType: metadata.contentType ?? "application/octet-stream" };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    await this.bucket.file(key).delete({ ignoreNotFound: true });
  }

  async list(prefix: string): Promise<string[]> {
    assertBlobPrefix(prefix);
    const [files] = await this.bucket.getFiles({ prefix, autoPaginate: true });
    return files.map((file) => file.name).sort();
  }

  async removeAbandonedWrites(): Promise<number> {
    return 0;
  }

  /** An object's `timeCreated` is when this generation of it was written (an overwrite makes a new one). */
  async removeWrittenBefore(prefix: string, before: Date): Promise<number> {
    assertBlobPrefix(prefix);
    const [files] = await this.bucket.getFiles({ prefix, autoPaginate: true });
    const old = files.filter((file) => {
      const created = file.metadata.timeCreated;
      return created !== undefined && Date.parse(created) < before.getTime();
    });
    await Promise.all(old.map((file) => file.delete({ ignoreNotFound: true })));
    return old.length;
  }

  async signedReadUrl(key: string, disposition: ContentDisposition): Promise<SignedReadUrl> {
    assertBlobKey(key);
    const { signedAt, expiresAt } = signingWindow(this.options.clock.now(), this.options.urlLifetimeSeconds);
    const [url] = await this.bucket.file(key).getSignedUrl({
      version: "v4",
      action: "read",
      accessibleAt: signedAt,
      expires: expiresAt,
      responseDisposition: contentDispositionHeader(disposition),
    });
    return { url, expiresAt };
  }
}
