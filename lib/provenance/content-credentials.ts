/**
 * The content credentials port: a signed C2PA manifest (generator, model, time, and
 * the trainedAlgorithmicMedia source type) embedded in an image file. The library
 * that writes it stays behind this interface.
 */
import type { ImageProvenance } from "./image-provenance";

export interface ContentCredentials {
  /**
   * The PNG with a manifest for `provenance` signed by the service's certificate,
   * bound to the file's bytes (any later change to them breaks the binding), and
   * replacing any manifest the file held. Call it last, after every other change.
   */
  signPng(png: Buffer, provenance: ImageProvenance): Promise<Buffer>;
}

/** A signing identity as PEM: a PKCS#8 private key and its certificate chain, the signing certificate first. */
export interface SigningIdentity {
  privateKeyPem: string;
  certificateChainPem: string;
}
