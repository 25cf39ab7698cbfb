import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { staffSessionAt } from "@/components/staff/staff-page-access";
import { StaffSignInForm } from "@/components/staff/staff-sign-in-form";
import { redirect } from "@/i18n/navigation";
import { pickMessages } from "@/lib/i18n/messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.metadata"))("signIn") };
}

export default async function StaffSignInPage() {
  const locale = await getLocale();
  if (await staffSessionAt("active")) redirect({ href: "/staff/console", locale });
  const t = await getTranslations("staff.signIn");
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <NextIntlClientProvider messages={pickMessages(locale, ["staff", "member"])}>
        <StaffSignInForm />
      </NextIntlClientProvider>
    </div>
  );
}
