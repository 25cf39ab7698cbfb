import { z } from "zod";
import { errorKey } from "../errors/error-messages";

/** What a member look-up by address takes: the sign-in address, in the body (never in a URL). */
export const findMemberInput = z.object({ email: z.email(errorKey("validation.email")).max(254) });
