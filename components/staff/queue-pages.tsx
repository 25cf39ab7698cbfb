/**
 * A staff queue read a page at a time: the oldest (or most urgent) QUEUE_PAGE_SIZE
 * first, then the next page by the cursor of the last one shown. Without it, a queue
 * longer than one read would hide its tail from every member of staff.
 */
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { decodeCursor } from "@/lib/pagination/cursor";

export const QUEUE_PAGE_SIZE = 50;

/** The page asked for: a cursor of ours, or null for the first page (also for one edited by hand). */
export function queueCursor(value: string | string[] | undefined): string | null {
  if (typeof value !== "string") return null;
  try {
    decodeCursor(value);
    return value;
  } catch {
    return null;
  }
}

export async function QueuePageLinks({
  pathname,
  cursor,
  nextCursor,
}: {
  pathname: "/staff/console/inquiries" | "/staff/console/privacy-requests";
  cursor: string | null;
  nextCursor: string | null;
}) {
  if (!cursor && !nextCursor) return null;
  const t = await getTranslations("staff.queue");
  return (
    <nav aria-label={t("pages")}>
      <ul className="nav-list">
        {cursor ? (
          <li>
            <Link href={pathname}>{t("first")}</Link>
          </li>
        ) : null}
        {nextCursor ? (
          <li>
            <Link href={`${pathname}?cursor=${encodeURIComponent(nextCursor)}`}>{t("next")}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
