/** The content credentials port's factory: the configured signing identity, or a throwaway one outside production. */
import type { ServerConfig } from "../config/env";
import { C2paContentCredentials } from "./c2pa-content-credentials";
import type { ContentCredentials } from "./content-credentials";
import { throwawaySigningIdentity } from "./throwaway-signing-identity";

export function createContentCredentials(
  config: Pick<ServerConfig, "C2PA_SIGNING_KEY" | "C2PA_CERTIFICATE_CHAIN">,
): ContentCredentials {
  const { C2PA_SIGNING_KEY, C2PA_CERTIFICATE_CHAIN } = config;
  if (C2PA_SIGNING_KEY && C2PA_CERTIFICATE_CHAIN)
    return new C2paContentCredentials({ privateKeyPem: C2PA_SIGNING_KEY, certificateChainPem: C2PA_CERTIFICATE_CHAIN });
  // Made at the first signature, not at start: most processes (the CLI tools) never sign.
  let throwaway: Promise<ContentCredentials> | undefined;
  return {
    async signPng(png, provenance) {
      throwaway ??= throwawaySigningIdentity().then((identity) => new C2paContentCredentials(identity));
      return (await throwaway).signPng(png, provenance);
    },
  };
}
