/**
 * Who is looking at a public page, read on the server from the session cookie, so
 * the landing page and the public header greet a member without shipping any code
 * for it. Once per request (React's cache): the header and the page share it. A
 * visitor without the cookie costs nothing; with it, the cookie is verified as the
 * member pages do (lib/accounts/check-member-session.ts). A public page treats an
 * unreachable identity service like a signed-out visit: it shows, as to anyone.
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
