/** The header of public pages (landing, sign-in, sign-up, mailbox, legal pages). */
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LocaleSwitch } from "./locale-switch";

export async function PublicHeader({ showMailbox }: { showMailbox: boolean }) {
  const t = await getTranslations("common");
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          {t("brand")}
        </Link>
        <nav aria-label={t("nav.main")}>
          <ul className="nav-list">
            {showMailbox ? (
              <li>
                <Link href="/mailbox">{t("nav.mailbox")}</Link>
              </li>
            ) : null}
            <li>
              <Link href="/signin">{t("nav.signIn")}</Link>
            </li>
            <li>
              <Link href="/signup" className="button button--small">
                {t("nav.signUp")}
              </Link>
            </li>
          </ul>
        </nav>
        <LocaleSwitch />
      </div>
    </header>
  );
}
