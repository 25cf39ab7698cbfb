/**
 * Where to go after signing in, from the `next` a member page put in the sign-in
 * address. `next` comes from a link anyone can craft, so it is resolved the way the
 * browser will resolve it (the URL parser drops tabs and line breaks and reads a
 * backslash as a slash, so "/\t/host" and "/\host" both mean "//host") and then
 * accepted only when it is on our origin and names one of our member pages. A string
 * check on the raw value cannot know every spelling the browser accepts; an
 * allowlist of pages after parsing does not need to. Pure, so it is tested directly.
 *
 * Paths here carry no language: the page navigates with its own (i18n/navigation.ts).
 */
import { GENERATED_ID } from "../db/generated-id";

export const DEFAULT_AFTER_SIGN_IN = "/generate";

/**
 * The request header in which proxy.ts hands a page the address it was asked for (path
 * without the language, and query): a layout is not told its address, and the member
 * layout needs it as the `next` of a sign-in it sends someone to. proxy.ts always sets
 * it, over anything a client sent.
 */
export const REQUESTED_PATH_HEADER = "x-requested-path";

/** The pages of app/(member), one pattern per path segment; ids are ones the product makes. */
const MEMBER_PAGES: readonly (readonly (string | RegExp)[])[] = [
  ["generate"],
  ["gallery"],
  ["points"],
  ["generations", GENERATED_ID],
  ["checkout", "sandbox", GENERATED_ID],
  ["checkout", "toss", GENERATED_ID],
  ["checkout", "toss", GENERATED_ID, "success"],
  ["checkout", "toss", GENERATED_ID, "fail"],
  ["account", "close"],
];

/** Whether a path (without its language segment) is a member page, which needs a signed-in member. */
export function isMemberPage(pathname: string): boolean {
  const segments = pathname.split("/").slice(1);
  return MEMBER_PAGES.some(
    (page) =>
      page.length === segments.length &&
      page.every((pattern, i) => {
        const segment = segments[i] ?? "";
        return typeof pattern === "string" ? segment === pattern : pattern.test(segment);
      }),
  );
}

/**
 * The same-origin path (with its query and fragment) to go to after signing in:
 * `next` when it resolves to a member page of `origin`, otherwise the default page.
 */
export function signInDestination(next: string | null | undefined, origin: string): string {
  if (!next) return DEFAULT_AFTER_SIGN_IN;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(next, base);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (target.origin !== base.origin || !isMemberPage(target.pathname)) return DEFAULT_AFTER_SIGN_IN;
  return `${target.pathname}${target.search}${target.hash}`;
}
