/**
 * Who is looking at a page, read on the server from the session cookie: the landing
 * page and the public header greet a member without shipping any code for it, and the
 * member layout and a member page that reads the member's data share one check. Once
 * per request (React's cache). A visitor without the cookie costs nothing; with it,
 * the cookie is verified (lib/accounts/check-member-session.ts). A public page treats
 * an unreachable identity service like a signed-out visit: it shows, as to anyone.
 */
import { cookies } from "next/headers";
import { cache } from "react";
import { checkMemberSession, type MemberSession } from "@/lib/accounts/check-member-session";
import { SESSION_COOKIE } from "@/lib/http/session-cookie";
import { getServices } from "@/lib/services";

export type Visitor = MemberSession;

export const signedInVisitor = cache(async (): Promise<Visitor> =>
  checkMemberSession({
    services: getServices(),
    sessionCookie: (await cookies()).get(SESSION_COOKIE)?.value ?? null,
  }),
);
