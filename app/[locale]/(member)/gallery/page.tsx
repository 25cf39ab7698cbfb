import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { GalleryGrid } from "@/components/gallery/gallery-grid";
import { pickMessages } from "@/lib/i18n/messages";
import { IMAGE_RETENTION_DAYS } from "@/lib/images/image-record";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery.metadata");
  return { title: t("title") };
}

export default async function GalleryPage() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("gallery")]);
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead", { days: IMAGE_RETENTION_DAYS })}</p>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "gallery"])}>
        <GalleryGrid retentionDays={IMAGE_RETENTION_DAYS} />
      </NextIntlClientProvider>
    </>
  );
}
