import { getMe } from "@/lib/accounts/get-me";
import { json } from "@/lib/http/responses";
import { userRoute } from "@/lib/http/route";

export const GET = userRoute(async ({ services, user }) => json(await getMe({ services, uid: user.uid })));
