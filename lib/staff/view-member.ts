import { MEMBERS } from "../accounts/members";
import { GENERATIONS } from "../generation/generation-job";
import { listOrders } from "../orders/list-orders";
import type { OrderWithRefunds } from "../orders/get-order";
import { POINT_ACCOUNTS } from "../points/ledger";
import { PRIVACY_REQUESTS, type PrivacyRequest } from "../privacy/privacy-request";
import type { Services } from "../services";
import { reasonShowsContent, type StaffAccessReason } from "./access-reasons";

export interface ViewMemberOptions {
  services: Services;
  memberUid: string;
  /** Authorised and logged by the caller (authorize-staff-access.ts). */
  reason: StaffAccessReason;
}

export interface StaffMemberView {
  uid: string;
  email: string | null;
  emailVerified: boolean;
  /** Null when the sign-in account exists without a finished sign-up (or the other way round). */
  profile: { name: string; locale: string; timeZone: string; marketingOptIn: boolean; createdAt: string } | null;
  points: { balance: number; freeBalance: number } | null;
  orders: OrderWithRefunds[];
  privacyRequests: ({ id: string } & Pick<PrivacyRequest, "kind" | "status" | "receivedAt" | "dueAt" | "closedAt">)[];
  /** Only for a reason that needs them: the member's recent generations with their prompts. */
  generations: { id: string; prompt: string; status: string; imageIds: string[]; createdAt: string }[] | null;
}

const SHOWN = 50;

/**
 * What staff see of one member: the account, its points, orders with their refunds
 * and privacy requests; prompts and images only when the stated reason is about them.
 */
export async function viewMember(options: ViewMemberOptions): Promise<StaffMemberView> {
  const { services, memberUid } = options;
  const { db, auth } = services;
  const [user, member, account, orders, requests] = await Promise.all([
    auth.getUser(memberUid),
    db.get(MEMBERS, memberUid),
    db.get(POINT_ACCOUNTS, memberUid),
    listOrders({ services, uid: memberUid, page: { limit: SHOWN } }),
    db.query({ collection: PRIVACY_REQUESTS, where: [{ field: "uid", op: "==", value: memberUid }], limit: SHOWN }),
  ]);
  const generations = reasonShowsContent(options.reason)
    ? await db.query({
        collection: GENERATIONS,
        where: [{ field: "uid", op: "==", value: memberUid }],
        orderBy: [{ field: "createdAt", direction: "desc" }],
        limit: SHOWN,
      })
    : null;
  const profile = member?.data ?? null;
  return {
    uid: memberUid,
    email: user?.email ?? null,
    emailVerified: user?.emailVerified ?? false,
    profile: profile && {
      name: profile.name,
      locale: profile.locale,
      timeZone: profile.timeZone,
      marketingOptIn: profile.marketingOptIn,
      createdAt: profile.createdAt,
    },
    points: account && { balance: account.data.balance, freeBalance: account.data.freeBalance },
    orders: orders.orders,
    privacyRequests: requests.map(({ id, data }) => ({
      id,
      kind: data.kind,
      status: data.status,
      receivedAt: data.receivedAt,
      dueAt: data.dueAt,
      closedAt: data.closedAt,
    })),
    generations:
      generations?.map(({ id, data }) => ({
        id,
        prompt: data.prompt,
        status: data.status,
        imageIds: data.imageIds,
        createdAt: data.createdAt,
      })) ?? null,
  };
}

/** The member a look-up names: by uid as given, or by the sign-in account's address. Null when nobody. */
export async function findMemberUid(
  options: { services: Services } & ({ uid: string } | { email: string }),
): Promise<string | null> {
  const { auth } = options.services;
  const user = "uid" in options ? await auth.getUser(options.uid) : await auth.findUserByEmail(options.email);
  return user?.uid ?? null;
}
