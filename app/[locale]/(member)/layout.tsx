import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { MemberShell } from "@/components/layout/member-shell";
import { pickMessages } from "@/lib/i18n/messages";

/** Signed-in pages: their data comes from the API in the browser, which also decides who may see them. */
export default async function MemberLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider messages={pickMessages(locale, ["common", "member"])}>
      <MemberShell>{children}</MemberShell>
    </NextIntlClientProvider>
  );
}
