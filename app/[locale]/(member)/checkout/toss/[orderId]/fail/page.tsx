import { TossCheckoutResult } from "@/components/payments/toss-checkout-result";

/** Toss's fail redirect: `?code&message&orderId`; Toss's message is not shown or kept, its code is. */
export default async function TossFailPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orderId }, query] = await Promise.all([params, searchParams]);
  const code = typeof query.code === "string" && /^[A-Z0-9_]{1,100}$/.test(query.code) ? query.code : "UNKNOWN";
  return <TossCheckoutResult redirect={{ outcome: "fail", orderId, code }} />;
}
