/** The image processing port's factory: sharp, the one adapter, on every deployment. */
import type { ImageProcessor } from "./image-processor";
import { SharpImageProcessor } from "./sharp-image-processor";

export function createImageProcessor(): ImageProcessor {
  return new SharpImageProcessor();
}
