import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/layout/not-found-message";
import { PublicHeader } from "@/components/layout/public-header";
import { getPublicConfig } from "@/lib/config/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("title"), robots: { index: false } };
}

/** An address no page matches: rendered outside every group layout, so it brings its own header and <main>. */
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
