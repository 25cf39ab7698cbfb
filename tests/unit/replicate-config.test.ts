/** Replicate is switched on by configuration alone, and never half-configured. */
import { describe, expect, it } from "vitest";
import { parseServerConfig } from "../../lib/config/env";

const SECRET = `whsec_${Buffer.from("a signing key of thirty-two bytes").toString("base64")}`;

function refusal(source: Record<string, string>): string {
  try {
    parseServerConfig(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("Expected the configuration to be refused, but it was accepted.");
}

describe("the Replicate configuration", () => {
  it("defaults to Replicate's API and can point at another base URL (a stand-in, staging)", () => {
    const on = {
      IMAGE_PROVIDERS: "local,replicate",
      REPLICATE_API_TOKEN: "r8_token",
      REPLICATE_WEBHOOK_SECRET: SECRET,
    };
    expect(parseServerConfig(on).REPLICATE_BASE_URL).toBe("https://api.replicate.com/v1");
    expect(parseServerConfig({ ...on, REPLICATE_BASE_URL: "http://127.0.0.1:9/v1" }).REPLICATE_BASE_URL).toBe(
      "http://127.0.0.1:9/v1",
    );
  });

  it.each(["local", "production"])("refuses the provider without its token or webhook secret (%s mode)", (mode) => {
    const base = { APP_MODE: mode, IMAGE_PROVIDERS: "replicate" };
    expect(refusal({ ...base, REPLICATE_WEBHOOK_SECRET: SECRET })).toContain(
      "REPLICATE_API_TOKEN: required when IMAGE_PROVIDERS includes replicate",
    );
    expect(refusal({ ...base, REPLICATE_API_TOKEN: "r8_token" })).toContain(
      "REPLICATE_WEBHOOK_SECRET: required when IMAGE_PROVIDERS includes replicate",
    );
  });

  it("refuses a webhook secret that is not whsec_ and base64", () => {
    expect(
      refusal({ IMAGE_PROVIDERS: "replicate", REPLICATE_API_TOKEN: "r8_token", REPLICATE_WEBHOOK_SECRET: "secret!" }),
    ).toContain("REPLICATE_WEBHOOK_SECRET: write the secret as Replicate gives it");
  });

  it("needs nothing of Replicate while it is off", () => {
    expect(parseServerConfig({ IMAGE_PROVIDERS: "local" }).REPLICATE_API_TOKEN).toBeUndefined();
  });
});
