/**
 * A signing identity made in memory when the service starts without one (local mode
 * and tests): a CA and a signing certificate under it, both forgotten when the process
 * ends. No key is ever written to disk or committed. Production signs with its own
 * (C2PA_SIGNING_KEY, C2PA_CERTIFICATE_CHAIN).
 *
 * The signing certificate has the profile C2PA requires of one: not a CA, not
 * self-signed (a self-signed one is refused by validators), key usage digitalSignature
 * (critical), extended key usage emailProtection, and an authority key identifier.
 */
import { webcrypto } from "node:crypto";
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from "@peculiar/x509";
import type { SigningIdentity } from "./content-credentials";

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
const DAY_MS = 86_400_000;

function toPem(der: ArrayBuffer, label: string): string {
  const base64 = Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n");
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

export async function throwawaySigningIdentity(now: Date = new Date()): Promise<SigningIdentity> {
  const crypto = webcrypto as unknown as Crypto;
  const notBefore = new Date(now.getTime() - DAY_MS);
  const notAfter = new Date(now.getTime() + 365 * DAY_MS);
  const caKeys = await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const ca = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: "01",
      name: "CN=imagesfactory throwaway CA, O=imagesfactory (not trusted)",
      notBefore,
      notAfter,
      keys: caKeys,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new BasicConstraintsExtension(true, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        await SubjectKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"]);
  const certificate = await X509CertificateGenerator.create(
    {
      serialNumber: "02",
      subject: "CN=imagesfactory local content credentials, O=imagesfactory (not trusted)",
      issuer: ca.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
        new ExtendedKeyUsageExtension([ExtendedKeyUsage.emailProtection]),
        await AuthorityKeyIdentifierExtension.create(ca, false, crypto),
        await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return {
    privateKeyPem: toPem(await crypto.subtle.exportKey("pkcs8", keys.privateKey), "PRIVATE KEY"),
    certificateChainPem: certificate.toString("pem") + "\n" + ca.toString("pem") + "\n",
  };
}
