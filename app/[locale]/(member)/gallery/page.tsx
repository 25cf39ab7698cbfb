import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { signedInVisitor } from "@/components/account/signed-in-visitor";
import { GalleryGrid } from "@/components/gallery/gallery-grid";
import { pickMessages } from "@/lib/i18n/messages";
import { IMAGE_RETENTION_DAYS } from "@/lib/images/image-record";
import { GALLERY_PAGE_SIZE, listImages } from "@/lib/images/list-images";
import { getServices } from "@/lib/services";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery.metadata");
  return { title: t("title") };
}

/**
 * The gallery's first page is read here, with the page: the first images arrive with
 * the HTML instead of after the scripts and a request of their own (they are often the
 * page's largest paint). When the identity service could not be reached, the browser
 * asks for them and shows the error its call gets.
 */
export default async function GalleryPage() {
  const [locale, t, session] = await Promise.all([getLocale(), getTranslations("gallery"), signedInVisitor()]);
  const firstPage =
    session.status === "member"
      ? await listImages({ services: getServices(), uid: session.me.uid, page: { limit: GALLERY_PAGE_SIZE } })
      : null;
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead", { days: IMAGE_RETENTION_DAYS })}</p>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "gallery"])}>
        <GalleryGrid retentionDays={IMAGE_RETENTION_DAYS} pageSize={GALLERY_PAGE_SIZE} initialPage={firstPage} />
      </NextIntlClientProvider>
    </>
  );
}
