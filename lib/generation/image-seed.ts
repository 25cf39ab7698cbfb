import { createHash } from "node:crypto";

/** The seed of a job's image: fixed by the job and the image, so a retry asks for the same picture. */
export function seedFor(generationId: string, index: number): number {
  return createHash("sha256").update(`${generationId}:${index}`).digest().readUInt32BE(0);
}
