/**
 * The image bucket's lifecycle rule (infra/gcs-lifecycle.json: delete objects 90
 * days old, the images' retention), applied and checked through the package. The
 * file is in the format `gcloud storage buckets update --lifecycle-file` takes and
 * the JSON API's bucket `lifecycle` field holds.
 */
import { isDeepStrictEqual } from "node:util";
import { cloudStorageClient } from "./cloud-storage";

export interface LifecycleRule {
  action: { type: "Delete" | "SetStorageClass" | "AbortIncompleteMultipartUpload"; storageClass?: string };
  condition: Record<string, unknown>;
}

export interface BucketLifecycle {
  rule: LifecycleRule[];
}

export interface BucketLifecycleOptions {
  bucket: string;
  apiEndpoint?: string;
  keyFilename?: string;
  lifecycle: BucketLifecycle;
}

/** Sets the bucket's lifecycle to exactly the file's rules (a bucket has one lifecycle, replaced whole). */
export async function applyBucketLifecycle(options: BucketLifecycleOptions): Promise<void> {
  const bucket = cloudStorageClient(options).bucket(options.bucket);
  await bucket.setMetadata({ lifecycle: options.lifecycle });
}

/** The file's rules that the bucket does not have: none when the lifecycle is in place. */
export async function missingLifecycleRules(options: BucketLifecycleOptions): Promise<LifecycleRule[]> {
  const bucket = cloudStorageClient(options).bucket(options.bucket);
  const [metadata] = await bucket.getMetadata();
  const present = metadata.lifecycle?.rule ?? [];
  return options.lifecycle.rule.filter((wanted) => !present.some((rule) => isDeepStrictEqual(rule, wanted)));
}
