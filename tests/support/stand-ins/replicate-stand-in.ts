/**
 * A local Replicate that speaks its HTTP API as documented, and as strictly:
 * `Authorization: Bearer <token>` on every API call (401 otherwise), official-model
 * predictions at `POST /v1/models/{owner}/{name}/predictions` validated against each
 * model's documented input schema (404 for a model it does not know, 422 with
 * `invalid_fields` for a bad input or an unknown top-level field), predictions read at
 * `GET /v1/predictions/{id}` and canceled at `POST /v1/predictions/{id}/cancel`, errors
 * in Replicate's problem shape (`title`, `detail`, `status`). Outputs are served from
 * its own URLs until they expire, and completion is reported by webhook, signed as
 * Replicate signs (Standard Webhooks: HMAC-SHA256 over `id.timestamp.body` with the
 * base64 key of the `whsec_` secret). It records every request it receives.
 */
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import sharp from "sharp";

type Field =
  | { type: "string"; required?: boolean }
  | { type: "enum"; values: readonly string[] }
  | { type: "integer"; min?: number; max?: number }
  | { type: "number"; min?: number; max?: number }
  | { type: "boolean" };

interface ModelSchema {
  /** The documented output schema: an array of URIs, or one URI. */
  output: "list" | "string";
  input: Record<string, Field>;
}

const FLUX_RATIOS = ["1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16", "9:21"] as const;
const FORMATS = ["webp", "jpg", "png"] as const;

const FLUX_OPEN_WEIGHTS: Record<string, Field> = {
  prompt: { type: "string", required: true },
  aspect_ratio: { type: "enum", values: FLUX_RATIOS },
  num_outputs: { type: "integer", min: 1, max: 4 },
  num_inference_steps: { type: "integer", min: 1, max: 50 },
  seed: { type: "integer" },
  output_format: { type: "enum", values: FORMATS },
  output_quality: { type: "integer", min: 0, max: 100 },
  disable_safety_checker: { type: "boolean" },
  go_fast: { type: "boolean" },
  megapixels: { type: "enum", values: ["1", "0.25"] },
};

/** The input schemas published on each model's API page (replicate.com/<owner>/<name>/api). */
const MODELS: Record<string, ModelSchema> = {
  "black-forest-labs/flux-schnell": { output: "list", input: FLUX_OPEN_WEIGHTS },
  "black-forest-labs/flux-dev": {
    output: "list",
    input: { ...FLUX_OPEN_WEIGHTS, guidance: { type: "number", min: 0, max: 10 } },
  },
  "black-forest-labs/flux-1.1-pro": {
    output: "string",
    input: {
      prompt: { type: "string", required: true },
      aspect_ratio: {
        type: "enum",
        values: ["custom", "1:1", "16:9", "3:2", "2:3", "4:5", "5:4", "9:16", "3:4", "4:3"],
      },
      width: { type: "integer", min: 256, max: 1440 },
      height: { type: "integer", min: 256, max: 1440 },
      safety_tolerance: { type: "integer", min: 1, max: 6 },
      seed: { type: "integer" },
      prompt_upsampling: { type: "boolean" },
      output_format: { type: "enum", values: FORMATS },
      output_quality: { type: "integer", min: 0, max: 100 },
    },
  },
  "stability-ai/stable-diffusion-3.5-large": {
    output: "string",
    input: {
      prompt: { type: "string", required: true },
      negative_prompt: { type: "string" },
      aspect_ratio: { type: "enum", values: FLUX_RATIOS },
      cfg: { type: "number", min: 1, max: 10 },
      seed: { type: "integer" },
      output_format: { type: "enum", values: FORMATS },
    },
  },
};

const TOP_LEVEL_FIELDS = new Set(["input", "webhook", "webhook_events_filter", "stream"]);
const WEBHOOK_EVENTS = new Set(["start", "output", "logs", "completed"]);

/** What a prediction does once created. */
export type Behaviour =
  | { outcome: "succeeded"; outputs?: number; webhook?: boolean }
  | { outcome: "failed"; webhook?: boolean }
  | { outcome: "canceled"; webhook?: boolean }
  /** Stays `processing` until finish() is called (or it is canceled). */
  | { outcome: "hold" };

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface StoredPrediction {
  id: string;
  model: string;
  input: Record<string, unknown>;
  status: "starting" | "processing" | "succeeded" | "failed" | "canceled";
  output: string | string[] | null;
  error: string | null;
  webhook: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface SignedDelivery {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ReplicateStandInOptions {
  /** Hands a signed webhook to the app; gives its answer. */
  deliver: (delivery: SignedDelivery) => Promise<Response>;
  /** How long outputs can be downloaded (Replicate: one hour). */
  outputLifetimeMs?: number;
}

function problem(response: ServerResponse, status: number, title: string, detail: string, extra = {}): void {
  response.writeHead(status, { "content-type": "application/problem+json" });
  response.end(JSON.stringify({ title, detail, status, ...extra }));
}

function invalidInput(input: unknown, schema: ModelSchema): { type: string; field: string; description: string }[] {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return [{ type: "invalid_type", field: "input", description: "input must be an object" }];
  const issues: { type: string; field: string; description: string }[] = [];
  const values = input as Record<string, unknown>;
  for (const [name, field] of Object.entries(schema.input)) {
    if (field.type === "string" && field.required && typeof values[name] !== "string")
      issues.push({ type: "required", field: `input.${name}`, description: `${name} is required` });
  }
  for (const [name, value] of Object.entries(values)) {
    const field = schema.input[name];
    const bad = (description: string) => issues.push({ type: "invalid", field: `input.${name}`, description });
    if (!field) {
      bad(`Additional property ${name} is not allowed`);
      continue;
    }
    if (field.type === "string" && typeof value !== "string") bad("must be a string");
    if (field.type === "boolean" && typeof value !== "boolean") bad("must be a boolean");
    if (field.type === "enum" && !field.values.includes(value as string))
      bad(`must be one of: ${field.values.join(", ")}`);
    if (field.type === "integer" || field.type === "number") {
      if (typeof value !== "number" || (field.type === "integer" && !Number.isInteger(value)))
        bad(`must be an ${field.type}`);
      else if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))
        bad(`must be between ${field.min} and ${field.max}`);
    }
  }
  return issues;
}

export class ReplicateStandIn {
  readonly token = `r8_${randomBytes(16).toString("hex")}`;
  readonly webhookSecret = `whsec_${randomBytes(32).toString("base64")}`;
  readonly received: ReceivedRequest[] = [];
  readonly deliveries: { delivery: SignedDelivery; status: number }[] = [];
  private readonly predictions = new Map<string, StoredPrediction>();
  private readonly outputs = new Map<string, { png: Buffer; expiresAt: number }>();
  private readonly unknownModels = new Set<string>();
  private behaviour: Behaviour = { outcome: "succeeded" };
  private server: Server | undefined;
  private origin = "";

  constructor(private readonly options: ReplicateStandInOptions) {}

  get baseUrl(): string {
    return `${this.origin}/v1`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch((error: unknown) => {
        problem(response, 500, "Internal error", String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (typeof address !== "object" || !address) throw new Error("The stand-in has no address.");
    this.origin = `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** What predictions created from now on do. */
  behave(behaviour: Behaviour): void {
    this.behaviour = behaviour;
  }

  /** As if the model were deleted: creating a prediction for it answers 404. */
  forgetModel(model: string): void {
    this.unknownModels.add(model);
  }

  rememberModel(model: string): void {
    this.unknownModels.delete(model);
  }

  /** Replicate deletes API outputs after an hour: every URL served so far stops working. */
  expireOutputs(): void {
    for (const output of this.outputs.values()) output.expiresAt = 0;
  }

  prediction(id: string): StoredPrediction {
    const prediction = this.predictions.get(id);
    if (!prediction) throw new Error(`The stand-in made no prediction ${id}.`);
    return prediction;
  }

  /** Finishes a held prediction. */
  async finish(id: string, behaviour: Exclude<Behaviour, { outcome: "hold" }>): Promise<void> {
    await this.complete(this.prediction(id), behaviour);
  }

  /** A webhook for the prediction as it stands, signed with the given secret and time. */
  sign(id: string, options: { secret?: string; timestamp?: number; webhookId?: string } = {}): SignedDelivery {
    const prediction = this.prediction(id);
    const body = JSON.stringify(this.toJson(prediction));
    const webhookId = options.webhookId ?? `msg_${randomBytes(12).toString("hex")}`;
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const secret = options.secret ?? this.webhookSecret;
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const signature = createHmac("sha256", key).update(`${webhookId}.${timestamp}.${body}`).digest("base64");
    return {
      url: prediction.webhook ?? "",
      headers: {
        "content-type": "application/json",
        "webhook-id": webhookId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": `v1,${signature}`,
      },
      body,
    };
  }

  async send(delivery: SignedDelivery): Promise<number> {
    const response = await this.options.deliver(delivery);
    this.deliveries.push({ delivery, status: response.status });
    return response.status;
  }

  private toJson(prediction: StoredPrediction): Record<string, unknown> {
    const self = `${this.baseUrl}/predictions/${prediction.id}`;
    return {
      id: prediction.id,
      model: prediction.model,
      version: "hidden",
      input: prediction.input,
      logs: "",
      output: prediction.output,
      data_removed: false,
      error: prediction.error,
      status: prediction.status,
      source: "api",
      created_at: prediction.createdAt,
      ...(prediction.completedAt ? { completed_at: prediction.completedAt } : {}),
      urls: { get: self, cancel: `${self}/cancel`, web: `https://replicate.com/p/${prediction.id}` },
    };
  }

  private async complete(
    prediction: StoredPrediction,
    behaviour: Exclude<Behaviour, { outcome: "hold" }>,
  ): Promise<void> {
    if (prediction.status === "succeeded" || prediction.status === "failed" || prediction.status === "canceled") return;
    prediction.completedAt = new Date().toISOString();
    if (behaviour.outcome === "succeeded") {
      const asked = typeof prediction.input.num_outputs === "number" ? prediction.input.num_outputs : 1;
      const urls: string[] = [];
      for (let n = 0; n < Math.min(asked, behaviour.outputs ?? asked); n++) {
        const png = await sharp({
          create: { width: 64, height: 64, channels: 3, background: { r: 40 * n, g: 120, b: 200 } },
        })
          .png()
          .toBuffer();
        const path = `/files/${prediction.id}/out-${n}.png`;
        this.outputs.set(path, { png, expiresAt: Date.now() + (this.options.outputLifetimeMs ?? 3_600_000) });
        urls.push(`${this.origin}${path}`);
      }
      prediction.status = "succeeded";
      prediction.output = MODELS[prediction.model]?.output === "string" ? (urls[0] ?? null) : urls;
    } else {
      prediction.status = behaviour.outcome;
      prediction.error = behaviour.outcome === "failed" ? "The model crashed (stand-in)." : null;
    }
    if (prediction.webhook && behaviour.webhook !== false) await this.send(this.sign(prediction.id));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", this.origin);
    this.received.push({
      method: request.method ?? "",
      path: url.pathname + url.search,
      headers: request.headers,
      body,
    });

    const file = this.outputs.get(url.pathname);
    if (request.method === "GET" && url.pathname.startsWith("/files/")) {
      if (!file || file.expiresAt <= Date.now()) return problem(response, 404, "Not found", "Not found.");
      response.writeHead(200, { "content-type": "image/png" });
      response.end(file.png);
      return;
    }
    if (request.headers.authorization !== `Bearer ${this.token}`)
      return problem(response, 401, "Unauthenticated", "You did not pass a valid authentication token");

    const create = /^\/v1\/models\/([^/]+)\/([^/]+)\/predictions$/.exec(url.pathname);
    if (create && request.method === "POST") return this.create(`${create[1]}/${create[2]}`, request, body, response);
    const get = /^\/v1\/predictions\/([a-z0-9]+)$/.exec(url.pathname);
    if (get && request.method === "GET") {
      const prediction = this.predictions.get(get[1]!);
      if (!prediction) return problem(response, 404, "Not found", "Not found.");
      return this.answer(response, 200, prediction);
    }
    const cancel = /^\/v1\/predictions\/([a-z0-9]+)\/cancel$/.exec(url.pathname);
    if (cancel && request.method === "POST") {
      const prediction = this.predictions.get(cancel[1]!);
      if (!prediction) return problem(response, 404, "Not found", "Not found.");
      if (prediction.status === "starting" || prediction.status === "processing") {
        prediction.status = "canceled";
        prediction.completedAt = new Date().toISOString();
      }
      return this.answer(response, 200, prediction);
    }
    return problem(response, 404, "Not found", "Not found.");
  }

  private answer(response: ServerResponse, status: number, prediction: StoredPrediction): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(this.toJson(prediction)));
  }

  private create(model: string, request: IncomingMessage, body: string, response: ServerResponse): void {
    const schema = MODELS[model];
    if (!schema || this.unknownModels.has(model))
      return problem(
        response,
        404,
        "Model not found",
        `The model ${model} does not exist, or you do not have access to it.`,
      );
    if (!request.headers["content-type"]?.startsWith("application/json"))
      return problem(response, 415, "Unsupported media type", "Send the body as application/json.");
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return problem(response, 400, "Bad request", "The body is not valid JSON.");
    }
    const invalid = Object.keys(payload)
      .filter((key) => !TOP_LEVEL_FIELDS.has(key))
      .map((key) => ({
        type: "additional_property_not_allowed",
        field: "",
        description: `Additional property ${key} is not allowed`,
      }));
    if (payload.webhook !== undefined) {
      try {
        if (typeof payload.webhook !== "string") throw new TypeError("not a string");
        new URL(payload.webhook);
      } catch {
        invalid.push({ type: "format", field: "webhook", description: "webhook must be a URL" });
      }
    }
    const events = payload.webhook_events_filter;
    if (
      events !== undefined &&
      (!Array.isArray(events) || events.some((event) => !WEBHOOK_EVENTS.has(event as string)))
    )
      invalid.push({ type: "enum", field: "webhook_events_filter", description: "unknown webhook event" });
    invalid.push(...invalidInput(payload.input, schema));
    if (invalid.length > 0)
      return problem(response, 422, "Input validation failed", "The input did not match the model's schema.", {
        invalid_fields: invalid,
      });
    const prediction: StoredPrediction = {
      id: randomBytes(13).toString("hex").slice(0, 26),
      model,
      input: payload.input as Record<string, unknown>,
      status: "starting",
      output: null,
      error: null,
      webhook: typeof payload.webhook === "string" ? payload.webhook : null,
      createdAt: new Date().toISOString(),
      completedAt: null,
    };
    this.predictions.set(prediction.id, prediction);
    this.answer(response, 201, prediction);
    const behaviour = this.behaviour;
    // As at Replicate, the prediction runs after the create call has been answered.
    setTimeout(() => {
      prediction.status = prediction.status === "starting" ? "processing" : prediction.status;
      if (behaviour.outcome !== "hold") void this.complete(prediction, behaviour);
    }, 5);
  }
}
