/**
 * What every generated image says about its origin, in the product and in its files
 * (Korea's AI Basic Act, in force since 2026-01-22). Pure: no I/O.
 *
 * The provenance names the service, the model and the time, and by construction
 * nothing about the member: no uid, email, name or prompt reaches a file.
 */
import { findModel } from "../pricing/price-table";

/** IPTC's term for media made by a model trained on sampled content, which C2PA uses as well. */
export const AI_DIGITAL_SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

/** The service that made the file, as the XMP CreatorTool and the C2PA claim generator. */
export const GENERATOR_NAME = "imagesfactory";

export interface ImageProvenance {
  /** The catalog's name for the model, as members see it ("GPT Image 2 (medium)"). */
  modelName: string;
  /** The provider's own model name ("gpt-image-2"), or the catalog id of a local model. */
  modelVersion: string;
  /** When the image was made (ISO 8601). */
  createdAt: string;
}

/**
 * The provenance of an image from its record's model and time. A model since taken
 * out of the catalog is still named, by its catalog id.
 */
export function imageProvenance(image: { model: string; createdAt: string }): ImageProvenance {
  const model = findModel(image.model);
  return {
    modelName: model?.name ?? image.model,
    modelVersion: model?.providerModel ?? image.model,
    createdAt: image.createdAt,
  };
}

/**
 * The visible mark on files members take away, in both languages: a file travels,
 * and whoever sees it next may read either.
 */
export const VISIBLE_MARK_TEXT = "AI 생성 · AI-generated";
