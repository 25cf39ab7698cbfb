/** The image model port's factory: one adapter per provider the configuration lists. */
import type { ServerConfig } from "../config/env";
import type { ImageProviderId } from "../pricing/price-table";
import type { ImageModelProvider } from "./image-model";
import { LocalImageModel } from "./local-image-model";
import { OpenAiImageModel } from "./openai-image-model";

export type ImageProviders = Partial<Record<ImageProviderId, ImageModelProvider>>;

export function createImageProviders(config: ServerConfig): ImageProviders {
  const providers: ImageProviders = {};
  if (config.IMAGE_PROVIDERS.includes("local")) {
    providers.local = new LocalImageModel({
      latencyMs: config.LOCAL_MODEL_LATENCY_MS,
      failureRate: config.LOCAL_MODEL_FAILURE_RATE,
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
