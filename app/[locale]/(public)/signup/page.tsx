import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SignupForm } from "@/components/account/signup-form";
import { consentDocumentPaths } from "@/lib/accounts/consent-version";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.metadata");
  return { title: t("signUp") };
}

export default async function SignupPage() {
  const locale = await getLocale();
  const t = await getTranslations("account.signUp");
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "account"])}>
        <SignupForm documentPaths={consentDocumentPaths(new Date())} />
      </NextIntlClientProvider>
    </div>
  );
}
