import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** The staff console: apart from the member site, with no member header or links. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await connection();
  const t = await getTranslations("staff.shell");
  return (
    <>
      <header className="staff-header">
        <p>{t("title")}</p>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
