/** The member record: created once the signed-in user completes sign-up. */
import type { Database } from "../db/database";
import { AppError } from "../errors/app-error";

export const MEMBERS = "members";
export const CONSENT_RECORDS = "consentRecords";

export interface Member {
  [field: string]: string | boolean;
  name: string;
  ageConfirmedAt: string;
  marketingOptIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export async function findMember(db: Database, uid: string): Promise<Member | null> {
  return (await db.get<Member>(MEMBERS, uid))?.data ?? null;
}

/** Every member call but sign-up itself needs a completed account. */
export async function requireMember(db: Database, uid: string): Promise<Member> {
  const member = await findMember(db, uid);
  if (!member) {
    throw new AppError(
      "ACCOUNT_INCOMPLETE",
      "Finish signing up first: confirm your age and give the required consents.",
    );
  }
  return member;
}
