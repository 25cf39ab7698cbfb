"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import { api } from "@/components/shared/api-client";

export function StaffSignOut() {
  const t = useTranslations("staff.shell");
  const router = useRouter();
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={async () => {
        await api("/api/staff/session", { method: "DELETE" });
        router.push("/staff");
      }}
    >
      {t("signOut")}
    </button>
  );
}
