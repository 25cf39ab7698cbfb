import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { MyPageView } from "@/components/my-page/my-page-view";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myPage.metadata");
  return { title: t("title") };
}

export default async function MyPage() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("myPage")]);
  return (
    <>
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      {/* account: the sign-in service's refusals, for the change of address. */}
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "myPage", "account"])}>
        <MyPageView />
      </NextIntlClientProvider>
    </>
  );
}
