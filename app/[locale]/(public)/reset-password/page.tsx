import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.metadata");
  return { title: t("resetPassword") };
}

export default async function ResetPasswordPage() {
  const locale = await getLocale();
  const t = await getTranslations("account.reset");
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "account"])}>
        <ResetPasswordForm />
      </NextIntlClientProvider>
    </div>
  );
}
