/**
 * Writes an image's provenance into a PNG: the XMP packet, then the signed C2PA
 * manifest (last, since it binds the file's final bytes).
 */
import type { Services } from "../services";
import type { ImageProvenance } from "./image-provenance";
import { withPngXmp } from "./png-xmp";
import { xmpPacket } from "./xmp-packet";

export interface LabelImageFileOptions {
  services: Pick<Services, "contentCredentials">;
  png: Buffer;
  provenance: ImageProvenance;
}

export async function labelImageFile(options: LabelImageFileOptions): Promise<Buffer> {
  const { services, png, provenance } = options;
  return services.contentCredentials.signPng(withPngXmp(png, xmpPacket(provenance)), provenance);
}
