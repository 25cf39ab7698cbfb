import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common.notFound");
  return { title: t("title"), robots: { index: false } };
}

/** notFound() in a public page: the public layout already gives the header and <main>. */
export default function PublicNotFound() {
  return (
    <div className="page--narrow">
      <NotFoundMessage />
    </div>
  );
}
