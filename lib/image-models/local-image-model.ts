/**
 * The built-in "local" model: draws a real PNG from the prompt, offline. Every word
 * of the prompt becomes a shape whose colour, place and size come from a hash of the
 * word and the seed, so the same prompt and seed always give the same picture.
 * Latency and a failure rate can be simulated for tests and benchmarks; whether an
 * image fails is itself decided by the hash, so a test run is repeatable.
 */
import { createHash } from "node:crypto";
import sharp from "sharp";
import { AppError } from "../errors/app-error";
import type { ImageRequest, ImageModelProvider } from "./image-model";

export interface LocalImageModelOptions {
  latencyMs: number;
  failureRate: number;
}

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash32(...parts: (string | number)[]): number {
  return createHash("sha256").update(parts.join("\u0000")).digest().readUInt32BE(0);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function localImageFails(request: Pick<ImageRequest, "prompt" | "seed">, failureRate: number): boolean {
  return failureRate > 0 && hash32("failure", request.prompt, request.seed) / 4294967296 < failureRate;
}

export function drawPromptSvg(request: Pick<ImageRequest, "model" | "prompt" | "size" | "seed">): string {
  const [width, height] = request.size.split("x").map(Number) as [number, number];
  const random = prng(hash32(request.model, request.prompt, request.seed));
  const hue = Math.floor(random() * 360);
  const shapes: string[] = [];
  const words = request.prompt.split(/\s+/).filter(Boolean).slice(0, 64);
  for (const [i, word] of words.entries()) {
    const wordRandom = prng(hash32(word, request.seed, i));
    const wordHue = ((hash32(word) % 360) + hue) % 360;
    const x = wordRandom() * width;
    const y = wordRandom() * height;
    const r = (0.05 + wordRandom() * 0.2) * Math.min(width, height);
    const fill = `hsl(${wordHue} ${50 + Math.floor(wordRandom() * 40)}% ${35 + Math.floor(wordRandom() * 40)}%)`;
    const opacity = (0.45 + wordRandom() * 0.45).toFixed(2);
    shapes.push(
      word.length % 2 === 0
        ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" fill-opacity="${opacity}"/>`
        : `<rect x="${(x - r).toFixed(1)}" y="${(y - r / 2).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${r.toFixed(1)}" rx="${(r / 6).toFixed(1)}" fill="${fill}" fill-opacity="${opacity}" transform="rotate(${Math.floor(wordRandom() * 90)} ${x.toFixed(1)} ${y.toFixed(1)})"/>`,
    );
  }
  const caption =
    request.model === "local-poster"
      ? `<text x="50%" y="${height - Math.round(height / 12)}" text-anchor="middle" font-family="NanumGothic, sans-serif" font-size="${Math.round(width / 24)}" fill="white" fill-opacity="0.9">${escapeXml(request.prompt.slice(0, 48))}</text>`
      : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 60% 22%)"/><stop offset="1" stop-color="hsl(${(hue + 140) % 360} 55% 55%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#bg)"/>${shapes.join("")}${caption}</svg>`;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", abort);
      resolve();
    }, ms);
    signal.addEventListener("abort", abort, { once: true });
  });
}

export class LocalImageModel implements ImageModelProvider {
  constructor(private readonly options: LocalImageModelOptions) {}

  async generate(request: ImageRequest): Promise<Buffer> {
    if (request.signal.aborted)
      throw new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
        diagnostic: "The local model call was aborted.",
      });
    if (this.options.latencyMs > 0) {
      try {
        await wait(this.options.latencyMs, request.signal);
      } catch {
        throw new AppError("PROVIDER_FAILED", "service.imageModelFailed", { diagnostic: "The local model timed out." });
      }
    }
    if (localImageFails(request, this.options.failureRate)) {
      throw new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
        diagnostic: "The local model failed (simulated).",
      });
    }
    return sharp(Buffer.from(drawPromptSvg(request)))
      .png()
      .toBuffer();
  }
}
