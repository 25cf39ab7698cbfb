import { MEMBERS } from "../accounts/members";
import type { AuthUserRecord } from "../auth/auth-gateway";
import type { JsonValue } from "../db/database";
import type { Locale } from "../i18n/locales";
import { POINT_ACCOUNTS } from "../points/ledger";
import type { Services } from "../services";
import { DATA_INVENTORY, handleOfKind, type DataKind } from "./data-inventory";

/** Kinds whose one record per member has the member's id as its document id. */
const KEYED_BY_UID = new Set([MEMBERS.kind.id, POINT_ACCOUNTS.kind.id]);

/** How My page shows a kind: every record in full, or a count with a link to the page that lists them. */
type Presentation = { show: "records" } | { show: "count"; link: "/gallery" | "/points" | null };

const PRESENTATION: Readonly<Record<string, Presentation>> = {
  generations: { show: "count", link: "/gallery" },
  images: { show: "count", link: "/gallery" },
  "image-files": { show: "count", link: "/gallery" },
  orders: { show: "count", link: "/points" },
  refunds: { show: "count", link: "/points" },
  "points-ledger": { show: "count", link: "/points" },
  "points-reservations": { show: "count", link: "/points" },
  "idempotency-keys": { show: "count", link: null },
  "abuse-records": { show: "count", link: null },
  "mail-outbox": { show: "count", link: null },
};

export interface AccountDataSection {
  /** The inventory kind (DataKind id). */
  kind: string;
  title: string;
  /** What each field holds, in the answer's language. */
  fields: Record<string, string>;
  purpose: string;
  /** The records themselves, for kinds shown in full; empty for kinds shown as a count. */
  records: Record<string, JsonValue>[];
  total: number;
  /** The member page that lists these records, for kinds shown as a count. */
  link: "/gallery" | "/points" | null;
}

export interface AccountData {
  uid: string;
  generatedAt: string;
  sections: AccountDataSection[];
}

export interface GetAccountDataOptions {
  services: Services;
  uid: string;
  locale: Locale;
  /** Every record of every kind, none counted only (the export). */
  complete?: boolean;
}

function localized(kind: DataKind, locale: Locale): Pick<AccountDataSection, "kind" | "title" | "fields" | "purpose"> {
  return {
    kind: kind.id,
    title: kind.title[locale],
    fields: Object.fromEntries(Object.entries(kind.fields).map(([field, text]) => [field, text[locale]])),
    purpose: kind.purpose[locale],
  };
}

function section(
  kind: DataKind,
  locale: Locale,
  records: Record<string, JsonValue>[],
  complete: boolean,
): AccountDataSection {
  const presentation = (complete ? undefined : PRESENTATION[kind.id]) ?? { show: "records" };
  return {
    ...localized(kind, locale),
    records: presentation.show === "records" ? records : [],
    total: records.length,
    link: presentation.show === "count" ? presentation.link : null,
  };
}

/** The sign-in account as the inventory describes it; the Google fields only for a user who has them. */
function authAccountRecord(user: AuthUserRecord): Record<string, JsonValue> {
  return {
    email: user.email,
    emailVerified: user.emailVerified,
    ...(user.googleId === null ? {} : { googleId: user.googleId }),
    ...(user.googleProfile === null ? {} : { googleProfile: user.googleProfile }),
  };
}

/** Whether the collection's records name their member in a `uid` field (others are keyed by the uid, or by a hash). */
function hasUidField(kind: DataKind): boolean {
  return "uid" in kind.fields;
}

/**
 * Everything held about the member (right of access, PIPA art. 35), grouped by the
 * inventory's kinds and described in the member's language: the sign-in account from
 * the auth provider, the records keyed by the member's id, and every record of each
 * collection that names the member. Images and generations, orders, refunds and the
 * ledger are counted (the gallery and the points page list them). Records kept under a
 * hash of the address (welcome points, suppressed addresses, request counters) cannot be
 * found from the account, by design, and are not listed.
 */
export async function getAccountData(options: GetAccountDataOptions): Promise<AccountData> {
  const { db, auth, clock } = options.services;
  const { uid, locale } = options;
  const complete = options.complete ?? false;
  const user = await auth.getUser(uid);
  const sections: AccountDataSection[] = [];
  for (const kind of DATA_INVENTORY) {
    if (kind.store.kind === "auth-provider") {
      sections.push(section(kind, locale, user ? [authAccountRecord(user)] : [], complete));
      continue;
    }
    if (kind.store.kind === "blob-storage") {
      // Files are counted by their records: an image file belongs to an image, an archive to an export.
      const owner = sections.find((other) => other.kind === (kind.id === "image-files" ? "images" : "data-exports"));
      sections.push({ ...section(kind, locale, [], false), total: owner?.total ?? 0 });
      continue;
    }
    const collection = handleOfKind(kind.id);
    if (!collection) continue;
    if (hasUidField(kind)) {
      const docs = await db.query({ collection, where: [{ field: "uid", op: "==", value: uid }] });
      sections.push(
        section(
          kind,
          locale,
          docs.map((doc) => ({ id: doc.id, ...doc.data })),
          complete,
        ),
      );
    } else if (KEYED_BY_UID.has(kind.id)) {
      const doc = await db.get(collection, uid);
      sections.push(section(kind, locale, doc ? [doc.data] : [], complete));
    }
  }
  return { uid, generatedAt: clock.now().toISOString(), sections };
}
