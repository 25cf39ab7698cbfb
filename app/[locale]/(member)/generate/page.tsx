import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { GenerateForm } from "@/components/generate/generate-form";
import { MAX_PROMPT_LENGTH } from "@/lib/generation/generation-job";
import { pickMessages } from "@/lib/i18n/messages";
import { getCatalog } from "@/lib/pricing/get-catalog";
import { getServices } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("generate.metadata");
  return { title: t("title") };
}

export default async function GeneratePage() {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const catalog = getCatalog({ services: getServices() });
  const [locale, t] = await Promise.all([getLocale(), getTranslations("generate")]);
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "generate"])}>
        <GenerateForm catalog={catalog} maxPromptLength={MAX_PROMPT_LENGTH} />
      </NextIntlClientProvider>
    </>
  );
}
