/**
 * Requests to the e2e server that browsers and fetch would not send as written: a
 * Host header of our choosing, a path exactly as given (bad percent-encoding and
 * all), a body streamed without Content-Length.
 */
import { request } from "node:http";
import { E2E } from "./e2e-stack";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent with Transfer-Encoding: chunked; writing stops when the server answers. */
  chunks?: Iterable<Buffer>;
}

export function rawRequest(options: RawRequest): Promise<RawResponse & { bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let bytesSent = 0;
    const req = request(
      {
        host: "127.0.0.1",
        port: E2E.port,
        method: options.method ?? "GET",
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        answered = true;
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          // The server answered before taking the whole body: do not keep sending the rest.
          if (!req.writableEnded) req.destroy();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, bytesSent });
        });
        response.on("error", reject);
      },
    );
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (!options.chunks) {
      req.end();
      return;
    }
    const chunks = options.chunks[Symbol.iterator]();
    const writeMore = () => {
      for (let next = chunks.next(); !next.done; next = chunks.next()) {
        if (answered || req.destroyed) return;
        bytesSent += next.value.length;
        if (!req.write(next.value)) {
          req.once("drain", writeMore);
          return;
        }
      }
      req.end();
    };
    writeMore();
  });
}

export function errorCodeOf(response: RawResponse): string | undefined {
  return (JSON.parse(response.text) as { error?: { code?: string } }).error?.code;
}
