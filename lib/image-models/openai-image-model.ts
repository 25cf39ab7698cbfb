/**
 * OpenAI's GPT image models through the official package: POST /v1/images/generations,
 * one image per call, returned as base64 (`b64_json`, the only form GPT image models
 * answer in). The request carries the model, prompt, size, quality and output format
 * and nothing else: no `user`, nothing that names the member.
 */
import { APIError } from "openai";
import type OpenAI from "openai";
import { AppError } from "../errors/app-error";
import { createOpenAiClient, openAiCallLimits } from "../openai/create-openai-client";
import type { ImageModelProvider, ImageRequest } from "./image-model";

export interface OpenAiImageModelOptions {
  apiKey: string;
  baseURL: string;
  /** Our PROVIDER_TIMEOUT_MS: the client's own timeout and retries stay inside it. */
  providerTimeoutMs: number;
}

/** The error codes OpenAI answers a prompt its safety system refuses with (status 400). */
const REFUSAL_CODES: ReadonlySet<string> = new Set(["content_policy_violation", "moderation_blocked"]);

function isPixelSize(size: string): boolean {
  return /^\d+x\d+$/.test(size);
}

export class OpenAiImageModel implements ImageModelProvider {
  private readonly client: OpenAI;

  constructor(options: OpenAiImageModelOptions) {
    const limits = openAiCallLimits(options.providerTimeoutMs);
    this.client = createOpenAiClient({ apiKey: options.apiKey, baseURL: options.baseURL, ...limits });
  }

  async generate(request: ImageRequest): Promise<Buffer> {
    if (!isPixelSize(request.size))
      throw new AppError("INTERNAL", "service.internal", {
        diagnostic: `The price table offers ${request.model} at ${request.size}, which is not a pixel size.`,
      });
    let response: OpenAI.ImagesResponse;
    try {
      response = await this.client.images.generate(
        {
          model: request.providerModel,
          prompt: request.prompt,
          n: 1,
          size: request.size,
          ...(request.quality ? { quality: request.quality } : {}),
          output_format: "png",
        },
        { signal: request.signal },
      );
    } catch (error) {
      throw translateError(error, request);
    }
    const base64 = response.data?.[0]?.b64_json;
    if (!base64)
      throw new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
        diagnostic: `OpenAI answered ${request.providerModel} without b64_json.`,
      });
    return Buffer.from(base64, "base64");
  }
}

function translateError(error: unknown, request: ImageRequest): AppError {
  if (!(error instanceof APIError) || error.status === undefined)
    return new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
      diagnostic: `OpenAI could not be reached or the call was stopped (${error instanceof Error ? error.name : "unknown"}).`,
    });
  const code = typeof error.code === "string" ? error.code : null;
  if (error.status === 400 && code !== null && REFUSAL_CODES.has(code))
    return new AppError("PROMPT_REFUSED", "generation.promptRefusedByModel", {
      details: { reason: code },
      diagnostic: `OpenAI refused the prompt for ${request.providerModel} (${code}).`,
    });
  if (error.status === 404 || code === "model_not_found")
    return new AppError("MODEL_UNAVAILABLE", "service.imageModelUnavailable", {
      diagnostic: `OpenAI does not offer ${request.providerModel} (status ${error.status}, code ${code ?? "none"}): retired or not enabled for this key?`,
    });
  return new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
    diagnostic: `OpenAI answered ${error.status} (${code ?? error.type ?? "no code"}) for ${request.providerModel}.`,
  });
}
