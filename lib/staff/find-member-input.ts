import { z } from "zod";
import { errorKey } from "../errors/error-messages";

/**
 * What a member look-up takes: the member's sign-in address or their ID, as typed, in
 * the body (never in a URL). Whatever is typed stays out of URLs: the member page is
 * opened by the ID the look-up answers, so a name or a phone number typed by mistake
 * goes nowhere but this request's body.
 */
export const findMemberInput = z.object({
  query: z
    .string({ error: errorKey("staff.lookUpQueryRequired") })
    .trim()
    .min(1, { error: errorKey("staff.lookUpQueryRequired"), abort: true })
    .max(254)
    .refine((query) => !query.includes("@") || z.email().safeParse(query).success, {
      error: errorKey("validation.email"),
    }),
});

/** An address names the member by their sign-in account; anything else is their ID. */
export function lookUpBy(query: string): { email: string } | { uid: string } {
  return query.includes("@") ? { email: query } : { uid: query };
}
