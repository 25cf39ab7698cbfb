/** What a missing page says, inside whichever header and <main> its layout gives it. */
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export function NotFoundMessage() {
  const t = useTranslations("common.notFound");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p>{t("body")}</p>
      <p className="actions">
        <Link href="/" className="button">
          {t("home")}
        </Link>
      </p>
    </>
  );
}
