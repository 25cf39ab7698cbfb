/**
 * A local stand-in for Cloud Storage, as strict as the real service where our
 * adapter touches it (none runs offline). It speaks:
 *
 * - the JSON API: uploads (`POST /upload/storage/v1/b/{bucket}/o` with
 *   uploadType=media, multipart or resumable, then `PUT` of the session), object
 *   metadata and media (`alt=media`, with `generation`), delete, list (prefix,
 *   pageToken, maxResults; pages of at most `pageSize` items, as GCS may return fewer
 *   than asked), bucket get and patch (the lifecycle). Every call needs
 *   `Authorization: Bearer` with a token of the test service account: a JWT signed
 *   by its private key (RS256, kid = its key id) carrying a storage scope, as
 *   google-auth-library makes one (AIP-4111 self-signed JWTs). Errors have the JSON
 *   API's shape: `{"error":{"code","message","errors":[{"domain","reason","message"}]}}`.
 * - the XML API's V4 signed-URL read: `GET /{bucket}/{object}?X-Goog-Algorithm=
 *   GOOG4-RSA-SHA256&X-Goog-Credential&X-Goog-Date&X-Goog-Expires&X-Goog-SignedHeaders
 *   &X-Goog-Signature`, whose signature it checks with the account's public key over
 *   the canonical request it rebuilds from what it received; errors are GCS's XML
 *   (`<Error><Code>…`): ExpiredToken 400, SignatureDoesNotMatch 403, AccessDenied
 *   403 without a signature, NoSuchKey 404. Honors response-content-disposition and
 *   response-content-type, and answers with the object's Cache-Control.
 *
 * One deviation, forced by the package: it signs the `host` header as the endpoint's
 * hostname without its port, so the port of the Host header received is set aside.
 */
import { createHash, createVerify, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServiceAccountKey {
  type: "service_account";
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  token_uri: string;
  /**
   * Not Google's own universe: google-auth-library then authenticates with scoped
   * self-signed JWTs instead of calling the token endpoint, whose address its token
   * client (gtoken 7) fixes to www.googleapis.com.
   */
  universe_domain: string;
}

/** A fresh service account: the key file to give the package, and the public key the stand-in checks with. */
export function testServiceAccount(): { key: ServiceAccountKey; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    key: {
      type: "service_account",
      project_id: "imagesfactory-test",
      private_key_id: randomUUID().replaceAll("-", ""),
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      client_email: "images@imagesfactory-test.iam.gserviceaccount.com",
      client_id: "100000000000000000001",
      token_uri: "https://oauth2.googleapis.com/token",
      universe_domain: "stand-in.test",
    },
    publicKey,
  };
}

interface StoredObject {
  bytes: Buffer;
  contentType: string;
  cacheControl?: string;
  generation: number;
  metageneration: number;
  updated: string;
}

interface ObjectMetadata {
  name?: string;
  contentType?: string;
  cacheControl?: string;
}

interface ResumableSession {
  name: string;
  contentType: string;
  cacheControl?: string;
  received: Buffer;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: Buffer;
}

const STORAGE_SCOPES = [
  "https://www.googleapis.com/auth/devstorage.full_control",
  "https://www.googleapis.com/auth/devstorage.read_write",
  "https://www.googleapis.com/auth/cloud-platform",
];
const LIFECYCLE_ACTIONS = new Set(["Delete", "SetStorageClass", "AbortIncompleteMultipartUpload"]);
const MAX_V4_EXPIRES_SECONDS = 604_800;

class JsonApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

class XmlApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** RFC 3986 encoding, as the V4 canonical request wants it. */
function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const CRC32C_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32c(bytes: Buffer): Buffer {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC32C_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return out;
}

export class GcsStandIn {
  readonly received: ReceivedRequest[] = [];
  private readonly objects = new Map<string, StoredObject>();
  private readonly sessions = new Map<string, ResumableSession>();
  private bucketLifecycle: unknown = undefined;
  private generations = 1_700_000_000_000_000;
  private offsetMs = 0;
  private server: Server | undefined;
  private url = "";

  constructor(
    readonly bucket: string,
    private readonly account: { email: string; keyId: string; publicKey: KeyObject },
    /** At most this many items per list page (GCS may return fewer than maxResults). */
    private readonly pageSize = 1000,
  ) {}

  get endpoint(): string {
    return this.url;
  }

  /** The stand-in's time: real time, moved by advance(). */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  objectNames(): string[] {
    return [...this.objects.keys()].sort();
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? "/", "http://stand-in");
    const rawPath = (request.url ?? "/").split("?")[0]!;
    this.received.push({
      method: request.method ?? "",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      body,
    });
    try {
      if (url.pathname.startsWith("/storage/v1/") || url.pathname.startsWith("/upload/storage/v1/")) {
        this.authenticate(request.headers.authorization);
        this.json(response, ...this.jsonApi(request.method ?? "", url, request, body));
      } else {
        this.signedRead(request, rawPath, url, response);
      }
    } catch (error) {
      if (error instanceof JsonApiError) {
        this.json(response, error.status, {
          error: {
            code: error.status,
            message: error.message,
            errors: [{ message: error.message, domain: "global", reason: error.reason }],
          },
        });
      } else if (error instanceof XmlApiError) {
        const details = Object.entries({ Details: error.message, ...error.details })
          .map(([tag, value]) => `<${tag}>${value.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</${tag}>`)
          .join("");
        response.writeHead(error.status, { "content-type": "application/xml; charset=UTF-8" });
        response.end(
          `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${error.code}</Code><Message>${
            error.status === 404 ? "The specified key does not exist." : "Access denied."
          }</Message>${details}</Error>`,
        );
      } else {
        response.writeHead(500).end(String(error));
      }
    }
  }

  private json(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    if (body === undefined) {
      response.writeHead(status, headers).end();
      return;
    }
    if (Buffer.isBuffer(body)) {
      response.writeHead(status, headers).end(body);
      return;
    }
    response.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
    response.end(JSON.stringify(body));
  }

  /** A scoped self-signed JWT of the test account, unexpired. */
  private authenticate(authorization: string | undefined): void {
    const refuse = (why: string): never => {
      throw new JsonApiError(401, "authError", `Invalid Credentials (${why})`);
    };
    const token = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? "") ?? refuse("no bearer token");
    const [, headerPart, payloadPart, signaturePart] = token;
    const verifier = createVerify("RSA-SHA256").update(`${headerPart}.${payloadPart}`);
    if (!verifier.verify(this.account.publicKey, Buffer.from(signaturePart!, "base64url"))) refuse("bad signature");
    const header = JSON.parse(Buffer.from(headerPart!, "base64url").toString()) as { alg?: string; kid?: string };
    const claims = JSON.parse(Buffer.from(payloadPart!, "base64url").toString()) as Record<string, unknown>;
    if (header.alg !== "RS256" || header.kid !== this.account.keyId) refuse("unknown key");
    if (claims.iss !== this.account.email || claims.sub !== this.account.email) refuse("unknown account");
    const now = this.now() / 1000;
    if (typeof claims.exp !== "number" || typeof claims.iat !== "number") refuse("no lifetime");
    if ((claims.exp as number) <= now || (claims.iat as number) > now + 60) refuse("expired or not yet valid");
    if ((claims.exp as number) - (claims.iat as number) > 3600) refuse("lives longer than an hour");
    const scopes = typeof claims.scope === "string" ? claims.scope.split(" ") : [];
    if (!scopes.some((scope) => STORAGE_SCOPES.includes(scope))) refuse("no storage scope");
  }

  private jsonApi(
    method: string,
    url: URL,
    request: IncomingMessage,
    body: Buffer,
  ): [number, unknown?, Record<string, string>?] {
    const parts = url.pathname.split("/").slice(1).map(decodeURIComponent);
    const upload = parts[0] === "upload";
    const [storage, version, b, bucket, o, ...rest] = upload ? parts.slice(1) : parts;
    if (storage !== "storage" || version !== "v1" || b !== "b" || !bucket) {
      throw new JsonApiError(404, "notFound", "Not Found");
    }
    if (bucket !== this.bucket) throw new JsonApiError(404, "notFound", "The specified bucket does not exist.");
    const query = url.searchParams;
    if (o === undefined) return this.bucketApi(method, body);
    if (o !== "o") throw new JsonApiError(404, "notFound", "Not Found");
    if (upload) return this.uploadApi(method, query, request, body);
    const name = rest.join("/");
    if (method === "GET" && name === "") return [200, this.listObjects(query)];
    const object = this.objects.get(name);
    const generation = query.get("generation");
    if (!object || (generation !== null && generation !== String(object.generation))) {
      throw new JsonApiError(404, "notFound", `No such object: ${this.bucket}/${name}`);
    }
    if (method === "DELETE") {
      this.objects.delete(name);
      return [204];
    }
    if (method !== "GET") throw new JsonApiError(405, "methodNotAllowed", "Method not allowed");
    if (query.get("alt") === "media") {
      return [
        200,
        object.bytes,
        {
          "content-type": object.contentType,
          "x-goog-generation": String(object.generation),
          "x-goog-hash": this.hashes(object.bytes),
          "x-goog-stored-content-length": String(object.bytes.length),
        },
      ];
    }
    return [200, this.resource(name, object)];
  }

  private bucketApi(method: string, body: Buffer): [number, unknown?] {
    if (method === "PATCH") {
      const patch = this.parseJson(body) as { lifecycle?: unknown };
      if (patch.lifecycle !== undefined) {
        this.assertLifecycle(patch.lifecycle);
        this.bucketLifecycle = patch.lifecycle;
      }
    } else if (method !== "GET") {
      throw new JsonApiError(405, "methodNotAllowed", "Method not allowed");
    }
    return [
      200,
      {
        kind: "storage#bucket",
        id: this.bucket,
        name: this.bucket,
        location: "ASIA-NORTHEAST3",
        storageClass: "STANDARD",
        iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: "enforced" },
        ...(this.bucketLifecycle === undefined ? {} : { lifecycle: this.bucketLifecycle }),
      },
    ];
  }

  private assertLifecycle(lifecycle: unknown): void {
    const invalid = (): never => {
      throw new JsonApiError(400, "invalid", "Invalid argument: lifecycle");
    };
    const rules = (lifecycle as { rule?: unknown }).rule;
    if (!Array.isArray(rules)) invalid();
    for (const rule of rules as { action?: { type?: unknown }; condition?: unknown }[]) {
      if (!LIFECYCLE_ACTIONS.has(String(rule.action?.type))) invalid();
      if (typeof rule.condition !== "object" || rule.condition === null) invalid();
      const age = (rule.condition as { age?: unknown }).age;
      if (age !== undefined && (!Number.isInteger(age) || (age as number) < 0)) invalid();
    }
  }

  private uploadApi(
    method: string,
    query: URLSearchParams,
    request: IncomingMessage,
    body: Buffer,
  ): [number, unknown?, Record<string, string>?] {
    const uploadType = query.get("uploadType");
    if (method === "PUT" && uploadType === "resumable") return this.resumeUpload(query, request, body);
    if (method !== "POST") throw new JsonApiError(405, "methodNotAllowed", "Method not allowed");
    if (uploadType === "media") {
      const name = query.get("name") ?? "";
      return [200, this.store(name, body, request.headers["content-type"] ?? "application/octet-stream")];
    }
    if (uploadType === "multipart") {
      const { metadata, media, mediaType } = this.parseMultipart(request.headers["content-type"] ?? "", body);
      const name = query.get("name") ?? metadata.name ?? "";
      return [200, this.store(name, media, metadata.contentType ?? mediaType, metadata.cacheControl)];
    }
    if (uploadType === "resumable") {
      const metadata = body.length > 0 ? this.objectMetadata(this.parseJson(body)) : {};
      const name = query.get("name") ?? metadata.name ?? "";
      this.assertName(name);
      const id = randomUUID();
      this.sessions.set(id, {
        name,
        contentType:
          metadata.contentType ?? String(request.headers["x-upload-content-type"] ?? "application/octet-stream"),
        cacheControl: metadata.cacheControl,
        received: Buffer.alloc(0),
      });
      const location = `${this.url}/upload/storage/v1/b/${this.bucket}/o?uploadType=resumable&name=${encodeURIComponent(name)}&upload_id=${id}`;
      return [200, undefined, { location }];
    }
    throw new JsonApiError(400, "invalid", `Invalid upload type: ${uploadType}`);
  }

  /** A chunk of a resumable session (Content-Range `bytes a-b/total`; total `*` while unknown). */
  private resumeUpload(
    query: URLSearchParams,
    request: IncomingMessage,
    body: Buffer,
  ): [number, unknown?, Record<string, string>?] {
    const session = this.sessions.get(query.get("upload_id") ?? "");
    if (!session) throw new JsonApiError(404, "notFound", "No such upload session");
    const range = request.headers["content-range"];
    let total: number | null = null;
    if (range) {
      const match = /^bytes (?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(range);
      if (!match) throw new JsonApiError(400, "invalid", "Invalid Content-Range");
      if (match[1] !== undefined && Number(match[1]) !== session.received.length) {
        throw new JsonApiError(400, "invalid", "Chunk does not start where the upload stands");
      }
      total = match[3] === "*" ? null : Number(match[3]);
    } else {
      total = body.length;
    }
    session.received = Buffer.concat([session.received, body]);
    if (total === null || session.received.length < total) {
      const headers: Record<string, string> =
        session.received.length > 0 ? { range: `bytes=0-${session.received.length - 1}` } : {};
      return [308, undefined, headers];
    }
    this.sessions.delete(query.get("upload_id")!);
    return [200, this.store(session.name, session.received, session.contentType, session.cacheControl)];
  }

  private parseJson(body: Buffer): unknown {
    try {
      return JSON.parse(body.toString("utf8"));
    } catch {
      throw new JsonApiError(400, "parseError", "Parse Error");
    }
  }

  /** The object resource fields an upload may set that the stand-in keeps; each a string, or the upload is refused. */
  private objectMetadata(value: unknown): ObjectMetadata {
    if (typeof value !== "object" || value === null) throw new JsonApiError(400, "invalid", "Invalid metadata");
    const fields = value as Record<string, unknown>;
    const metadata: ObjectMetadata = {};
    for (const field of ["name", "contentType", "cacheControl"] as const) {
      const given = fields[field];
      if (given === undefined) continue;
      if (typeof given !== "string") throw new JsonApiError(400, "invalid", `Invalid value for ${field}`);
      metadata[field] = given;
    }
    return metadata;
  }

  /** multipart/related: a JSON part with the metadata, then the media part. */
  private parseMultipart(
    contentType: string,
    body: Buffer,
  ): { metadata: ObjectMetadata; media: Buffer; mediaType: string } {
    const boundary = /^multipart\/related;\s*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) throw new JsonApiError(400, "invalid", "Multipart upload needs multipart/related with a boundary");
    const delimiter = Buffer.from(`--${boundary}`);
    const parts: { headers: string; content: Buffer }[] = [];
    let at = body.indexOf(delimiter);
    while (at !== -1) {
      const start = at + delimiter.length;
      if (body.subarray(start, start + 2).toString() === "--") break;
      const next = body.indexOf(delimiter, start);
      if (next === -1) throw new JsonApiError(400, "invalid", "Multipart body is not closed");
      const part = body.subarray(start + 2, next - 2);
      const split = part.indexOf("\r\n\r\n");
      parts.push({ headers: part.subarray(0, split).toString(), content: part.subarray(split + 4) });
      at = next;
    }
    if (parts.length !== 2) throw new JsonApiError(400, "invalid", "Multipart upload needs metadata and media");
    const metadata = this.objectMetadata(this.parseJson(parts[0]!.content));
    const mediaType = /content-type:\s*([^\r\n]+)/i.exec(parts[1]!.headers)?.[1] ?? "application/octet-stream";
    return { metadata, media: parts[1]!.content, mediaType };
  }

  private assertName(name: string): void {
    if (name === "" || Buffer.byteLength(name) > 1024 || /[\r\n]/.test(name)) {
      throw new JsonApiError(400, "invalid", "Invalid object name");
    }
  }

  private store(name: string, bytes: Buffer, contentType: string, cacheControl?: string): unknown {
    this.assertName(name);
    const object: StoredObject = {
      bytes,
      contentType,
      cacheControl,
      generation: (this.generations += 1),
      metageneration: 1,
      updated: new Date(this.now()).toISOString(),
    };
    this.objects.set(name, object);
    return this.resource(name, object);
  }

  private hashes(bytes: Buffer): string {
    return `crc32c=${crc32c(bytes).toString("base64")},md5=${createHash("md5").update(bytes).digest("base64")}`;
  }

  private resource(name: string, object: StoredObject): Record<string, unknown> {
    return {
      kind: "storage#object",
      id: `${this.bucket}/${name}/${object.generation}`,
      name,
      bucket: this.bucket,
      generation: String(object.generation),
      metageneration: String(object.metageneration),
      contentType: object.contentType,
      size: String(object.bytes.length),
      md5Hash: createHash("md5").update(object.bytes).digest("base64"),
      crc32c: crc32c(object.bytes).toString("base64"),
      ...(object.cacheControl ? { cacheControl: object.cacheControl } : {}),
      timeCreated: object.updated,
      updated: object.updated,
      storageClass: "STANDARD",
    };
  }

  private listObjects(query: URLSearchParams): unknown {
    const prefix = query.get("prefix") ?? "";
    const maxResults = Math.min(Number(query.get("maxResults") ?? 1000), this.pageSize);
    const after = query.get("pageToken") ? Buffer.from(query.get("pageToken")!, "base64url").toString() : null;
    const names = [...this.objects.keys()]
      .filter(
        (name) =>
          name.startsWith(prefix) && (after === null || Buffer.compare(Buffer.from(name), Buffer.from(after)) > 0),
      )
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const page = names.slice(0, maxResults);
    return {
      kind: "storage#objects",
      items: page.map((name) => this.resource(name, this.objects.get(name)!)),
      ...(names.length > page.length ? { nextPageToken: Buffer.from(page.at(-1)!).toString("base64url") } : {}),
    };
  }

  /** The XML API's V4 signed GET of an object. */
  private signedRead(request: IncomingMessage, rawPath: string, url: URL, response: ServerResponse): void {
    if (request.method !== "GET") throw new XmlApiError(405, "MethodNotAllowed", "Only signed reads are served.");
    const [bucket, ...rest] = rawPath.split("/").slice(1);
    const name = rest.map(decodeURIComponent).join("/");
    const query = url.searchParams;
    const signature = query.get("X-Goog-Signature");
    if (signature === null) {
      throw new XmlApiError(403, "AccessDenied", "Anonymous caller does not have storage.objects.get access.");
    }
    if (query.get("X-Goog-Algorithm") !== "GOOG4-RSA-SHA256") {
      throw new XmlApiError(400, "InvalidArgument", "Unsupported X-Goog-Algorithm.");
    }
    const date = query.get("X-Goog-Date") ?? "";
    const dateMatch = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
    const expires = Number(query.get("X-Goog-Expires"));
    const credential = query.get("X-Goog-Credential") ?? "";
    const [email, day, region, service, terminator] = credential.split("/");
    if (!dateMatch || !Number.isInteger(expires) || expires < 1 || expires > MAX_V4_EXPIRES_SECONDS) {
      throw new XmlApiError(400, "InvalidArgument", "Invalid X-Goog-Date or X-Goog-Expires.");
    }
    if (day !== date.slice(0, 8) || region !== "auto" || service !== "storage" || terminator !== "goog4_request") {
      throw new XmlApiError(400, "AuthorizationQueryParametersError", "Malformed X-Goog-Credential.");
    }
    const signedAt = Date.UTC(
      Number(dateMatch[1]),
      Number(dateMatch[2]) - 1,
      Number(dateMatch[3]),
      Number(dateMatch[4]),
      Number(dateMatch[5]),
      Number(dateMatch[6]),
    );
    if (this.now() > signedAt + expires * 1000) {
      throw new XmlApiError(400, "ExpiredToken", `Request has expired: ${date} + ${expires}s.`);
    }

    const signedHeaders = (query.get("X-Goog-SignedHeaders") ?? "").split(";");
    if (!signedHeaders.includes("host")) {
      throw new XmlApiError(400, "AuthorizationQueryParametersError", "The host header must be signed.");
    }
    const headerValue = (header: string): string =>
      header === "host"
        ? (request.headers.host ?? "").replace(/:\d+$/, "")
        : String(request.headers[header] ?? "")
            .trim()
            .replace(/\s{2,}/g, " ");
    const canonicalQuery = [...query.entries()]
      .filter(([key]) => key !== "X-Goog-Signature")
      .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${key}=${value}`)
      .join("&");
    const canonicalRequest = [
      "GET",
      rawPath,
      canonicalQuery,
      signedHeaders.map((header) => `${header}:${headerValue(header)}\n`).join(""),
      signedHeaders.join(";"),
      "UNSIGNED-PAYLOAD",
    ].join("\n");
    const stringToSign = [
      "GOOG4-RSA-SHA256",
      date,
      `${day}/auto/storage/goog4_request`,
      createHash("sha256").update(canonicalRequest).digest("hex"),
    ].join("\n");
    const valid =
      email === this.account.email &&
      /^[0-9a-f]+$/.test(signature) &&
      createVerify("RSA-SHA256").update(stringToSign).verify(this.account.publicKey, Buffer.from(signature, "hex"));
    if (!valid) {
      throw new XmlApiError(
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your Google secret key and signing method.",
        { StringToSign: stringToSign, CanonicalRequest: canonicalRequest },
      );
    }

    const object = bucket === this.bucket ? this.objects.get(name) : undefined;
    if (!object) throw new XmlApiError(404, "NoSuchKey", `No such object: ${bucket}/${name}`);
    response.writeHead(200, {
      "content-type": query.get("response-content-type") ?? object.contentType,
      "content-length": String(object.bytes.length),
      // GCS's default for an object that is not public.
      "cache-control": object.cacheControl ?? "private, max-age=0",
      etag: `"${createHash("md5").update(object.bytes).digest("hex")}"`,
      "x-goog-generation": String(object.generation),
      "x-goog-hash": this.hashes(object.bytes),
      "x-goog-stored-content-length": String(object.bytes.length),
      ...(query.get("response-content-disposition")
        ? { "content-disposition": query.get("response-content-disposition")! }
        : {}),
    });
    response.end(object.bytes);
  }
}

/** A running stand-in, and the key file (written by the caller) that points the package at it. */
export async function startGcsStandIn(options: { bucket: string; pageSize?: number }): Promise<{
  standIn: GcsStandIn;
  key: ServiceAccountKey;
}> {
  const { key, publicKey } = testServiceAccount();
  const standIn = await new GcsStandIn(
    options.bucket,
    { email: key.client_email, keyId: key.private_key_id, publicKey },
    options.pageSize,
  ).start();
  return { standIn, key };
}
