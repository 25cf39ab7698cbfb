import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../lib/http/openapi-document";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : entry.name === "route.ts" ? [join(dir, entry.name)] : [],
  );
}

describe("the OpenAPI document", () => {
  it("describes every API route, and nothing that does not exist", () => {
    const fromFiles = routeFiles("app/api")
      .map(
        (file) =>
          "/" +
          relative("app", file)
            .split(sep)
            .slice(0, -1)
            .join("/")
            .replace(/\[(\w+)\]/g, "{$1}"),
      )
      .filter((path) => path !== "/api/openapi.json")
      .sort();
    expect(Object.keys(openApiDocument().paths as object).sort()).toEqual(fromFiles);
  });

  it("documents the generation body from the validation schema", () => {
    const paths = openApiDocument().paths as Record<
      string,
      Record<
        string,
        {
          requestBody?: {
            content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } };
          };
        }
      >
    >;
    const schema = paths["/api/generations"]!.post!.requestBody!.content["application/json"].schema;
    expect(schema.required.sort()).toEqual(["count", "model", "prompt", "size"]);
    expect(schema.properties.prompt).toMatchObject({ maxLength: 1000, minLength: 1 });
    expect(schema.properties.count).toMatchObject({ minimum: 1, maximum: 4 });
  });

  it("lets every operation ask for the language of its error messages", () => {
    const document = openApiDocument() as {
      components: { parameters: Record<string, { name: string; in: string }> };
      paths: Record<string, Record<string, { parameters: { $ref?: string }[] }>>;
    };
    expect(document.components.parameters.AcceptLanguage).toMatchObject({ name: "Accept-Language", in: "header" });
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => [`${method} ${path}`, operation] as const),
    );
    expect(operations.length).toBeGreaterThan(20);
    for (const [name, operation] of operations) {
      expect(operation.parameters, name).toContainEqual({ $ref: "#/components/parameters/AcceptLanguage" });
    }
  });

  it("documents the preferences body from its validation schema", () => {
    const paths = openApiDocument().paths as Record<
      string,
      Record<string, { requestBody: { content: { "application/json": { schema: Record<string, unknown> } } } }>
    >;
    const schema = paths["/api/account/preferences"]!.put!.requestBody.content["application/json"].schema;
    expect(schema).toMatchObject({
      type: "object",
      properties: { locale: { enum: ["ko", "en"] }, timeZone: { type: "string" } },
    });
    expect(schema.required).toBeUndefined();
  });
});
