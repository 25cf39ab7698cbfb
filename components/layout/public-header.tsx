/** The header of public pages (landing, sign-in, sign-up, mailbox, legal pages). */
import { getTranslations } from "next-intl/server";
import { signedInVisitor } from "@/components/account/signed-in-visitor";
import { Link } from "@/i18n/navigation";
import { LocaleSwitch } from "./locale-switch";

export async function PublicHeader({ showMailbox }: { showMailbox: boolean }) {
  const [t, tAccount, visitor] = await Promise.all([
    getTranslations("common"),
    getTranslations("account.header"),
    signedInVisitor(),
  ]);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          {t("brand")}
        </Link>
        <nav aria-label={t("nav.main")} className="site-header__nav">
          <ul className="nav-list">
            {showMailbox ? (
              <li>
                <Link href="/mailbox">{t("nav.mailbox")}</Link>
              </li>
            ) : null}
            {visitor.status === "member" ? (
              // A member is offered their pages, never "Create account".
              <>
                <li className="balance">
                  <span className="visually-hidden">{tAccount("balance")} </span>
                  {tAccount("points", { count: visitor.me.points })}
                </li>
                <li>
                  <Link href="/generate" className="button button--small">
                    {t("nav.generate")}
                  </Link>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/signin">{t("nav.signIn")}</Link>
                </li>
                <li>
                  <Link href="/signup" className="button button--small">
                    {t("nav.signUp")}
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
        <LocaleSwitch />
      </div>
    </header>
  );
}
