import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { CompleteSignupForm } from "@/components/account/complete-signup-form";
import { consentDocumentPaths } from "@/lib/accounts/consent-version";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.metadata");
  return { title: t("completeSignUp") };
}

export default async function CompleteSignupPage() {
  const locale = await getLocale();
  const t = await getTranslations("account.complete");
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "account"])}>
        <CompleteSignupForm documentPaths={consentDocumentPaths(new Date())} />
      </NextIntlClientProvider>
    </div>
  );
}
