import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SigninForm } from "@/components/account/signin-form";
import { getServerConfig } from "@/lib/config/env";
import { pickMessages } from "@/lib/i18n/messages";
import { signInDestination } from "@/lib/navigation/sign-in-destination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.metadata");
  return { title: t("signIn") };
}

export default async function SigninPage({ searchParams }: PageProps<"/[locale]/signin">) {
  const locale = await getLocale();
  const t = await getTranslations("account.signIn");
  const next = (await searchParams).next;
  // Sent here from a member page: say which one the form leads back to (the page the form will really open).
  const requested =
    typeof next === "string" && next ? signInDestination(next, getServerConfig().APP_URL).split(/[/?#]/)[1] : undefined;
  return (
    <div className="page--narrow">
      <h1>{t("heading")}</h1>
      {requested ? <p className="notice">{t("continueTo", { page: requested })}</p> : null}
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "account"])}>
        <SigninForm />
      </NextIntlClientProvider>
    </div>
  );
}
