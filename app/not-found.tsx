import type { Metadata } from "next";
import { connection } from "next/server";
import { NotFoundMessage } from "@/components/not-found-message";
import { PublicHeader } from "@/components/public-header";
import { getPublicConfig } from "@/lib/config/env";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** An address no route matches: rendered outside every group layout, so it brings its own header and <main>. */
export default async function NotFound() {
  // Render per request: never read configuration while building.
  await connection();
  return (
    <>
      <PublicHeader showMailbox={getPublicConfig().appMode === "local"} />
      <main id="main" className="page page--narrow">
        <NotFoundMessage />
      </main>
    </>
  );
}
