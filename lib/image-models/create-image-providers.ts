/** The image model port's factory: one adapter per provider the configuration lists. */
import type { ServerConfig } from "../config/env";
import type { ImageModelProvider } from "./image-model";
import { LocalImageModel } from "./local-image-model";
import { OpenAiImageModel } from "./openai-image-model";
import type { PredictionImageModel } from "./prediction-image-model";
import { ReplicateImageModel } from "./replicate-image-model";

/** Each provider's adapter: those that answer with the image, and those that answer later (predictions). */
export interface ImageProviders {
  local?: ImageModelProvider;
  openai?: ImageModelProvider;
  replicate?: PredictionImageModel;
}

export function createImageProviders(config: ServerConfig): ImageProviders {
  const providers: ImageProviders = {};
  if (config.IMAGE_PROVIDERS.includes("local")) {
    providers.local = new LocalImageModel({
      latencyMs: config.LOCAL_MODEL_LATENCY_MS,
      failureRate: config.LOCAL_MODEL_FAILURE_RATE,
    });
  }
  if (config.IMAGE_PROVIDERS.includes("replicate") && config.REPLICATE_API_TOKEN && config.REPLICATE_WEBHOOK_SECRET) {
    providers.replicate = new ReplicateImageModel({
      apiToken: config.REPLICATE_API_TOKEN,
      baseUrl: config.REPLICATE_BASE_URL,
      webhookSecret: config.REPLICATE_WEBHOOK_SECRET,
      timeoutMs: config.PROVIDER_TIMEOUT_MS,
    });
  }
  if (config.IMAGE_PROVIDERS.includes("openai") && config.OPENAI_API_KEY !== undefined) {
    providers.openai = new OpenAiImageModel({
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      providerTimeoutMs: config.PROVIDER_TIMEOUT_MS,
    });
  }
  return providers;
}
