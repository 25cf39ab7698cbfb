/**
 * A local stand-in for SendGrid, as strict as its documentation:
 * - `POST /v3/mail/send` (v3 Mail Send): `Authorization: Bearer <key>` required and
 *   checked (401), a JSON body validated field by field (400 with SendGrid's error
 *   shape `{errors: [{message, field, help}]}`), an oversized body refused (413), and
 *   on success 202 with an empty body and the message id in `X-Message-Id`;
 * - anything else: 404 (wrong path) or 405 (wrong method), in the same shape;
 * - the Signed Event Webhook: it holds an ECDSA P-256 key pair made here and signs
 *   event batches as SendGrid does (timestamp header + raw body, SHA-256, DER, base64),
 *   giving the verification key in the form SendGrid shows it (base64 DER).
 * Tests read what it received, and may make it answer the next request with a given
 * failure (429 with rate-limit headers, 5xx, …).
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export interface ReceivedMail {
  headers: IncomingHttpHeaders;
  body: SendGridMailBody;
  messageId: string;
}

/** The documented request body, as far as we check it. */
export interface SendGridMailBody {
  personalizations: { to: { email: string; name?: string }[]; subject?: string }[];
  from: { email: string; name?: string };
  subject?: string;
  content: { type: string; value: string }[];
  categories?: string[];
  custom_args?: Record<string, string>;
  mail_settings?: Record<string, { enable: boolean }>;
  [field: string]: unknown;
}

export interface FailureAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface SignedEventRequest {
  body: string;
  headers: Record<string, string>;
}

interface SendGridError {
  message: string;
  field: string | null;
  help: string | null;
}

/** SendGrid's total message size limit. */
const MAX_BODY_BYTES = 30 * 1024 * 1024;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const MAIL_SETTINGS = [
  "bypass_list_management",
  "bypass_spam_management",
  "bypass_bounce_management",
  "bypass_unsubscribe_management",
  "footer",
  "sandbox_mode",
];
const HELP = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html";

function error(message: string, field: string | null, anchor?: string): SendGridError {
  return { message, field, help: anchor ? `${HELP}#${anchor}` : null };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validateAddress(value: unknown, field: string, errors: SendGridError[]): void {
  if (!isObject(value) || typeof value.email !== "string" || !ADDRESS.test(value.email)) {
    errors.push(error("Does not contain a valid address.", `${field}.email`, "message.personalizations.to"));
    return;
  }
  if (value.name !== undefined && typeof value.name !== "string")
    errors.push(error("The name must be a string.", `${field}.name`));
}

/** The Mail Send body checks SendGrid documents (its "Errors" page for v3 Mail Send). */
export function validateMailBody(body: unknown): SendGridError[] {
  const errors: SendGridError[] = [];
  if (!isObject(body)) return [error("Bad Request", null)];

  const personalizations = body.personalizations;
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    errors.push(
      error("The personalizations field is required and must have at least one personalization.", "personalizations"),
    );
  } else if (personalizations.length > 1000) {
    errors.push(
      error("The personalization block is limited to 1000 personalizations per API request.", "personalizations"),
    );
  } else {
    personalizations.forEach((p: unknown, i) => {
      const field = `personalizations.${i}`;
      if (!isObject(p) || !Array.isArray(p.to) || p.to.length === 0) {
        errors.push(
          error(
            "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
            `${field}.to`,
            "message.personalizations.to",
          ),
        );
        return;
      }
      p.to.forEach((to: unknown, j) => validateAddress(to, `${field}.to.${j}`, errors));
      const addresses = p.to.map((to: unknown) => (isObject(to) ? String(to.email).toLowerCase() : ""));
      if (new Set(addresses).size !== addresses.length)
        errors.push(
          error("Each email address in the personalization block should be unique between to, cc, and bcc.", field),
        );
    });
  }

  if (body.from === undefined)
    errors.push(
      error(
        "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
        "from",
        "message.from",
      ),
    );
  else validateAddress(body.from, "from", errors);

  const everySubject =
    Array.isArray(personalizations) &&
    personalizations.every((p: unknown) => isObject(p) && typeof p.subject === "string" && p.subject !== "");
  if (!(typeof body.subject === "string" && body.subject !== "") && !everySubject)
    errors.push(
      error(
        "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
        "subject",
        "message.subject",
      ),
    );

  const content = body.content;
  if (!Array.isArray(content) || content.length === 0) {
    errors.push(
      error(
        "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
        "content",
        "message.content",
      ),
    );
  } else {
    content.forEach((block: unknown, i) => {
      if (!isObject(block) || typeof block.type !== "string" || block.type === "")
        errors.push(
          error(
            "The content type must be a string at least one character in length.",
            `content.${i}.type`,
            "message.content.type",
          ),
        );
      if (!isObject(block) || typeof block.value !== "string" || block.value === "")
        errors.push(
          error(
            "The content value must be a string at least one character in length.",
            `content.${i}.value`,
            "message.content.value",
          ),
        );
    });
    const types = content.map((block: unknown) => (isObject(block) ? block.type : undefined));
    const plain = types.indexOf("text/plain");
    const html = types.indexOf("text/html");
    if (plain > 0 || (plain === -1 && html > 0) || (plain !== -1 && html !== -1 && html !== plain + 1))
      errors.push(
        error(
          "If present, text/plain and text/html may only be provided once, and text/plain must be first, followed by text/html, followed by any other content.",
          "content",
          "message.content",
        ),
      );
  }

  if (body.categories !== undefined) {
    const categories = body.categories;
    if (!Array.isArray(categories) || categories.some((c) => typeof c !== "string" || c.length > 255))
      errors.push(
        error(
          "Categories must be an array of strings, each no longer than 255 characters.",
          "categories",
          "message.categories",
        ),
      );
    else if (categories.length > 10)
      errors.push(error("You may not have more than 10 categories per request.", "categories", "message.categories"));
    else if (new Set(categories).size !== categories.length)
      errors.push(error("Categories must be unique.", "categories", "message.categories"));
  }

  if (body.custom_args !== undefined) {
    const args = body.custom_args;
    if (!isObject(args) || Object.values(args).some((v) => typeof v !== "string"))
      errors.push(error("Custom arguments must be an object of string values.", "custom_args", "message.custom_args"));
    else if (Buffer.byteLength(JSON.stringify(args)) > 10_000)
      errors.push(error("Custom arguments may total no more than 10,000 bytes.", "custom_args", "message.custom_args"));
  }

  if (body.mail_settings !== undefined) {
    const settings = body.mail_settings;
    if (!isObject(settings)) errors.push(error("The mail_settings must be an object.", "mail_settings"));
    else {
      for (const [name, setting] of Object.entries(settings)) {
        if (!MAIL_SETTINGS.includes(name)) errors.push(error("Unknown mail setting.", `mail_settings.${name}`));
        else if (!isObject(setting) || typeof setting.enable !== "boolean")
          errors.push(error("The enable property must be a boolean.", `mail_settings.${name}.enable`));
      }
      const enabled = (name: string) => isObject(settings[name]) && settings[name].enable === true;
      if (
        enabled("bypass_list_management") &&
        ["bypass_spam_management", "bypass_bounce_management", "bypass_unsubscribe_management"].some(enabled)
      )
        errors.push(
          error("The bypass_list_management filter cannot be combined with the other bypass filters.", "mail_settings"),
        );
    }
  }
  return errors;
}

export class SendGridStandIn {
  readonly received: ReceivedMail[] = [];
  readonly apiKey = `SG.${randomBytes(16).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
  private readonly keys = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  private readonly failures: FailureAnswer[] = [];
  private server: Server | undefined;
  private port = 0;

  /** The Signed Event Webhook's verification key, as SendGrid's settings page shows it. */
  get publicKey(): string {
    return this.keys.publicKey.export({ format: "der", type: "spki" }).toString("base64");
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      request.on("end", () => {
        const answer = this.answer(
          request.method ?? "",
          request.url ?? "",
          request.headers,
          size,
          Buffer.concat(chunks),
        );
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next request is answered with this failure instead (after the authorization check). */
  failNext(failure: FailureAnswer): void {
    this.failures.push(failure);
  }

  /** A batch of events as SendGrid posts it: the JSON array and its signature headers. */
  signedEvents(events: object[], signedAt: Date = new Date()): SignedEventRequest {
    return this.signedBody(JSON.stringify(events), signedAt);
  }

  /** Any body, signed as SendGrid signs its posts. */
  signedBody(body: string, signedAt: Date = new Date()): SignedEventRequest {
    const timestamp = String(Math.floor(signedAt.getTime() / 1000));
    const signature = sign("sha256", Buffer.from(timestamp + body), { key: this.keys.privateKey, dsaEncoding: "der" });
    return {
      body,
      headers: {
        "content-type": "application/json",
        "x-twilio-email-event-webhook-signature": signature.toString("base64"),
        "x-twilio-email-event-webhook-timestamp": timestamp,
      },
    };
  }

  private answer(
    method: string,
    url: string,
    headers: IncomingHttpHeaders,
    size: number,
    raw: Buffer,
  ): { status: number; headers: Record<string, string>; body: string } {
    const json = (status: number, errors: SendGridError[], extra: Record<string, string> = {}) => ({
      status,
      headers: { "content-type": "application/json", ...extra },
      body: JSON.stringify({ errors }),
    });
    if (url !== "/v3/mail/send") return json(404, [error("Not found", null)]);
    if (method !== "POST") return json(405, [error("Method not allowed", null)]);
    const authorization = headers.authorization;
    if (!authorization) return json(401, [error("Permission denied, wrong credentials", null)]);
    if (authorization !== `Bearer ${this.apiKey}`)
      return json(401, [error("The provided authorization grant is invalid, expired, or revoked", null)]);
    const failure = this.failures.shift();
    if (failure)
      return {
        status: failure.status,
        headers: { "content-type": "application/json", ...failure.headers },
        body: failure.body === undefined ? "" : JSON.stringify(failure.body),
      };
    if (size > MAX_BODY_BYTES) return json(413, [error("Payload Too Large", null)]);
    if (!String(headers["content-type"] ?? "").startsWith("application/json"))
      return json(415, [error("Content-Type should be application/json.", null)]);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return json(400, [error("Bad Request", null)]);
    }
    const errors = validateMailBody(body);
    if (errors.length > 0) return json(400, errors);
    const messageId = randomBytes(16).toString("base64url").slice(0, 22);
    this.received.push({ headers, body: body as SendGridMailBody, messageId });
    return { status: 202, headers: { "x-message-id": messageId }, body: "" };
  }
}
