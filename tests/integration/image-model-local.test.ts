import { describe, expect, it } from "vitest";
import { getServerConfig } from "../../lib/config/env";
import { LocalImageModel } from "../../lib/image-models/local-image-model";
import { getServices } from "../../lib/services";
import { catalogCases, describeImageModelContract } from "./contracts/image-model-contract";

describeImageModelContract("LocalImageModel", {
  open: async () => new LocalImageModel({ latencyMs: 0, failureRate: 0 }),
  openSlow: async () => new LocalImageModel({ latencyMs: 60_000, failureRate: 0 }),
  cases: catalogCases("local"),
});

describe("the local image model in the services", () => {
  it("is the adapter the local configuration builds", async () => {
    expect(getServerConfig().IMAGE_PROVIDERS).toContain("local");
    const provider = getServices().imageProviders.local;
    expect(provider).toBeInstanceOf(LocalImageModel);
    const png = await provider!.generate({
      model: "local-sketch",
      providerModel: "local-sketch",
      prompt: "from the services",
      size: "512x512",
      seed: 9,
      signal: new AbortController().signal,
    });
    expect(png.length).toBeGreaterThan(0);
  });
});
