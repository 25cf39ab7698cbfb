import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { GenerationProgress } from "@/components/generate/generation-progress";
import { pickMessages } from "@/lib/i18n/messages";
import { MODELS } from "@/lib/pricing/price-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("generate.progress.metadata");
  return { title: t("title") };
}

export default async function GenerationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [locale, t] = await Promise.all([getLocale(), getTranslations("generate.progress")]);
  const modelNames = Object.fromEntries(MODELS.map((model) => [model.id, model.name]));
  return (
    <>
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "generate"])}>
        <GenerationProgress id={id} modelNames={modelNames} />
      </NextIntlClientProvider>
    </>
  );
}
