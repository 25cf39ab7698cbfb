/**
 * A local stand-in for the two OpenAI endpoints we call, as strict as the real API
 * (https://platform.openai.com/docs/api-reference, and openai-node's own types):
 * - POST /v1/images/generations: Bearer key; a JSON body of documented parameters only
 *   (an unknown one answers 400 unknown_parameter); a model it does not know answers
 *   404 model_not_found; the GPT image size rules (WIDTHxHEIGHT, both multiples of 16,
 *   long side at most three times the short, 655,360 to 8,294,400 pixels, edges up to
 *   3840) or 400; quality low/medium/high/auto; output_format png/jpeg/webp;
 *   `response_format` and a transparent background refused as for gpt-image-2. It
 *   answers one `b64_json` PNG per image, or 400 moderation_blocked for a prompt it is
 *   told to refuse.
 * - POST /v1/moderations: Bearer key; `input` a string or a list of strings; the
 *   documented result shape with all thirteen categories.
 * Errors have OpenAI's shape: {"error":{"message","type","param","code"}}. Every request
 * is kept (headers and raw body) so a test can read what reached "OpenAI".
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const MODERATION_CATEGORIES = [
  "harassment",
  "harassment/threatening",
  "hate",
  "hate/threatening",
  "illicit",
  "illicit/violent",
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
] as const;
type ModerationCategory = (typeof MODERATION_CATEGORIES)[number];

const IMAGE_PARAMETERS = new Set([
  "model",
  "prompt",
  "n",
  "size",
  "quality",
  "output_format",
  "output_compression",
  "background",
  "moderation",
  "partial_images",
  "stream",
  "response_format",
  "style",
  "user",
]);
const MODERATION_PARAMETERS = new Set(["input", "model"]);
const MODERATION_MODELS = new Set(["omni-moderation-latest", "omni-moderation-2024-09-26", "text-moderation-latest"]);

export interface OpenAiStandInOptions {
  /** The image models it offers; any other answers 404 model_not_found. */
  imageModels?: string[];
  /** Delays every image answer (to test time limits). */
  imageLatencyMs?: number;
}

export interface OpenAiStandIn {
  baseURL: string;
  apiKey: string;
  received: ReceivedRequest[];
  /** Image prompts containing `text` are refused with 400 `code`. */
  refuseImagesFor(text: string, code?: "moderation_blocked" | "content_policy_violation"): void;
  /** Moderation flags inputs containing `text` under `categories`. */
  flagForModeration(text: string, categories: ModerationCategory[]): void;
  /** The requests to `path`, their bodies parsed. */
  bodiesOf(path: string): Record<string, unknown>[];
  close(): Promise<void>;
}

class OpenAiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

const invalid = (message: string, param: string | null = null, code: string | null = null) =>
  new OpenAiError(400, message, "invalid_request_error", param, code);

/** A JSON value as OpenAI's messages quote it. */
const quoted = (value: unknown): string => JSON.stringify(value) ?? "undefined";

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function checkAuth(request: IncomingMessage, apiKey: string): void {
  const header = request.headers.authorization;
  if (!header)
    throw new OpenAiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      "invalid_request_error",
    );
  if (header !== `Bearer ${apiKey}`)
    throw new OpenAiError(401, "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key");
}

function parseJson(request: IncomingMessage, raw: string, allowed: Set<string>): Record<string, unknown> {
  if (!request.headers["content-type"]?.startsWith("application/json"))
    throw invalid("Invalid Content-Type header, expected application/json.");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw invalid(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
    );
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw invalid("The request body must be a JSON object.");
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) throw invalid(`Unknown parameter: '${key}'.`, key, "unknown_parameter");
  }
  return body as Record<string, unknown>;
}

/** The GPT image size rules, as gpt-image-2 documents them. */
function checkSize(size: unknown): [number, number] {
  if (size === undefined || size === "auto") return [1024, 1024];
  const match = typeof size === "string" ? /^(\d+)x(\d+)$/.exec(size) : null;
  if (!match)
    throw invalid(
      `Invalid value: ${quoted(size)}. Expected a size such as '1024x1024' or 'auto'.`,
      "size",
      "invalid_value",
    );
  const width = Number(match[1]);
  const height = Number(match[2]);
  const pixels = width * height;
  const fits =
    width % 16 === 0 &&
    height % 16 === 0 &&
    Math.max(width, height) <= 3840 &&
    Math.max(width, height) <= 3 * Math.min(width, height) &&
    pixels >= 655_360 &&
    pixels <= 8_294_400;
  if (!fits) throw invalid(`Invalid size ${quoted(size)} for this model.`, "size", "invalid_value");
  return [width, height];
}

function oneOf(body: Record<string, unknown>, key: string, values: readonly string[]): void {
  if (body[key] !== undefined && !values.includes(body[key] as string))
    throw invalid(
      `Invalid value: ${quoted(body[key])}. Supported values are: ${values.map((v) => `'${v}'`).join(", ")}.`,
      key,
      "invalid_value",
    );
}

export async function startOpenAiStandIn(options: OpenAiStandInOptions = {}): Promise<OpenAiStandIn> {
  const apiKey = "sk-stand-in-key";
  const imageModels = new Set(options.imageModels ?? ["gpt-image-2"]);
  const received: ReceivedRequest[] = [];
  const refusals: { text: string; code: string }[] = [];
  const flags: { text: string; categories: ModerationCategory[] }[] = [];

  async function generateImages(body: Record<string, unknown>): Promise<unknown> {
    if (typeof body.model !== "string" || !imageModels.has(body.model))
      throw new OpenAiError(
        404,
        `The model ${quoted(body.model)} does not exist or you do not have access to it.`,
        "invalid_request_error",
        null,
        "model_not_found",
      );
    if (typeof body.prompt !== "string" || body.prompt.length === 0)
      throw invalid("Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter");
    if (body.prompt.length > 32_000) throw invalid("Prompt too long.", "prompt", "string_above_max_length");
    const n = body.n ?? 1;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 10)
      throw invalid("Invalid value for 'n': must be an integer between 1 and 10.", "n", "invalid_value");
    const [width, height] = checkSize(body.size);
    oneOf(body, "quality", ["low", "medium", "high", "auto"]);
    oneOf(body, "output_format", ["png", "jpeg", "webp"]);
    oneOf(body, "moderation", ["low", "auto"]);
    oneOf(body, "background", ["opaque", "auto"]);
    if (body.response_format !== undefined)
      throw invalid("Unknown parameter: 'response_format'.", "response_format", "unknown_parameter");
    const refusal = refusals.find(({ text }) => (body.prompt as string).includes(text));
    if (refusal)
      throw new OpenAiError(
        400,
        "Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com.",
        refusal.code === "moderation_blocked" ? "image_generation_user_error" : "invalid_request_error",
        null,
        refusal.code,
      );
    if (options.imageLatencyMs) await new Promise((resolve) => setTimeout(resolve, options.imageLatencyMs));
    const png = await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
      .png()
      .toBuffer();
    return {
      created: Math.floor(Date.now() / 1000),
      data: Array.from({ length: n }, () => ({ b64_json: png.toString("base64") })),
      background: "opaque",
      output_format: body.output_format ?? "png",
      quality: body.quality ?? "auto",
      size: `${width}x${height}`,
      usage: {
        input_tokens: 50,
        input_tokens_details: { image_tokens: 0, text_tokens: 50 },
        output_tokens: 1056,
        total_tokens: 1106,
      },
    };
  }

  function moderate(body: Record<string, unknown>): unknown {
    const model = body.model ?? "omni-moderation-latest";
    if (typeof model !== "string" || !MODERATION_MODELS.has(model))
      throw new OpenAiError(
        404,
        `The model ${quoted(model)} does not exist or you do not have access to it.`,
        "invalid_request_error",
        null,
        "model_not_found",
      );
    const inputs =
      typeof body.input === "string"
        ? [body.input]
        : Array.isArray(body.input) && body.input.every((item) => typeof item === "string")
          ? body.input
          : null;
    if (!inputs || inputs.length === 0) throw invalid("Invalid value for 'input'.", "input", "invalid_value");
    return {
      id: `modr-${received.length}`,
      model: model === "omni-moderation-latest" ? "omni-moderation-2024-09-26" : model,
      results: inputs.map((input) => {
        const flagged = new Set(flags.filter(({ text }) => input.includes(text)).flatMap((flag) => flag.categories));
        return {
          flagged: flagged.size > 0,
          categories: Object.fromEntries(MODERATION_CATEGORIES.map((name) => [name, flagged.has(name)])),
          category_scores: Object.fromEntries(
            MODERATION_CATEGORIES.map((name) => [name, flagged.has(name) ? 0.98 : 0.0001]),
          ),
          category_applied_input_types: Object.fromEntries(MODERATION_CATEGORIES.map((name) => [name, ["text"]])),
        };
      }),
    };
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    received.push({ method: request.method ?? "", path, headers: request.headers, body: raw });
    try {
      const route =
        request.method === "POST" && path === "/v1/images/generations"
          ? { allowed: IMAGE_PARAMETERS, run: generateImages }
          : request.method === "POST" && path === "/v1/moderations"
            ? { allowed: MODERATION_PARAMETERS, run: async (body: Record<string, unknown>) => moderate(body) }
            : null;
      if (!route) throw new OpenAiError(404, `Invalid URL (${request.method} ${path})`, "invalid_request_error");
      checkAuth(request, apiKey);
      const result = await route.run(parseJson(request, raw, route.allowed));
      response.writeHead(200, { "content-type": "application/json", "x-request-id": `req_${received.length}` });
      response.end(JSON.stringify(result));
    } catch (error) {
      const failure =
        error instanceof OpenAiError ? error : new OpenAiError(500, "The server had an error.", "server_error");
      response.writeHead(failure.status, {
        "content-type": "application/json",
        "x-request-id": `req_${received.length}`,
      });
      response.end(
        JSON.stringify({
          error: { message: failure.message, type: failure.type, param: failure.param, code: failure.code },
        }),
      );
    }
  }

  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    apiKey,
    received,
    refuseImagesFor: (text, code = "moderation_blocked") => refusals.push({ text, code }),
    flagForModeration: (text, categories) => flags.push({ text, categories }),
    bodiesOf: (path) =>
      received
        .filter((request) => request.path === path)
        .map((request) => JSON.parse(request.body) as Record<string, unknown>),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
