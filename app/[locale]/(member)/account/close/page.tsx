import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { CloseAccountForm } from "@/components/account/close-account-form";
import { signedInVisitor } from "@/components/account/signed-in-visitor";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.closeAccount");
  return { title: t("metadata") };
}

/** 회원 탈퇴: the member layout has verified the session; the address is for re-entering the password. */
export default async function CloseAccountPage() {
  const session = await signedInVisitor();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("account.closeAccount")]);
  return (
    <>
      <h1>{t("heading")}</h1>
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "member", "account"])}>
        <CloseAccountForm email={session.status === "member" ? session.me.email : null} />
      </NextIntlClientProvider>
    </>
  );
}
