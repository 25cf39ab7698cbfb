/** The footer of every page. */
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export async function SiteFooter({ appMode }: { appMode: "local" | "production" }) {
  const t = await getTranslations("common.footer");
  return (
    <footer className="site-footer">
      <p>
        imagesfactory · <Link href="/privacy">{t("privacy")}</Link>
        {appMode === "local" ? ` · ${t("localMode")}` : null}
      </p>
    </footer>
  );
}
