import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("request bodies", () => {
  it("are read only through readJson, which stops at the size limit", () => {
    const readers = /\b(?:request|req)\.(?:text|json|arrayBuffer|formData|blob|body)\b/;
    const offenders = [...sourceFiles("app"), ...sourceFiles("lib"), "proxy.ts"]
      .filter((file) => file !== join("lib", "http", "read-json.ts"))
      .filter((file) => readers.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});
