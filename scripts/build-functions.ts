/**
 * Bundles the Cloud Functions with the lib/ code they call into functions/lib, the
 * folder `firebase deploy --only functions` uploads (firebase.json runs this before
 * deploying). Packages with native code or that Cloud Functions provides stay
 * external and are installed from functions/package.json.
 */
import { build } from "esbuild";

const external = ["firebase-admin", "firebase-functions", "sharp", "better-sqlite3"];

export async function buildFunctions(outfile = "functions/lib/index.js"): Promise<void> {
  await build({
    entryPoints: ["functions/src/index.ts"],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: external.flatMap((name) => [name, `${name}/*`]),
    logLevel: "warning",
  });
}

if (import.meta.filename === process.argv[1]) {
  await buildFunctions();
  process.stdout.write("functions/lib/index.js built\n");
}
