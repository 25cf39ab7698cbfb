import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthAction } from "@/components/account/auth-action";
import { pickMessages } from "@/lib/i18n/messages";

type SearchParams = PageProps<"/[locale]/auth/action">["searchParams"];

/** The title names what the link does; the code itself never reaches the head. */
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const mode = single((await searchParams).mode);
  const t = await getTranslations("account.metadata");
  const title =
    mode === "verifyEmail" ? t("verifyEmail") : mode === "resetPassword" ? t("chooseNewPassword") : t("accountLink");
  return { title, referrer: "no-referrer" };
}

function single(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value ? value : null;
}

export default async function AuthActionPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const locale = await getLocale();
  return (
    <div className="page--narrow">
      <NextIntlClientProvider messages={pickMessages(locale, ["common", "account"])}>
        <AuthAction mode={single(query.mode)} oobCode={single(query.oobCode)} />
      </NextIntlClientProvider>
    </div>
  );
}
