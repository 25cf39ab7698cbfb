import { TossCheckoutResult } from "@/components/payments/toss-checkout-result";

/** Toss's success redirect: `?paymentType&amount&orderId&paymentKey`, confirmed by our API, never trusted here. */
export default async function TossSuccessPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orderId }, query] = await Promise.all([params, searchParams]);
  const paymentKey = typeof query.paymentKey === "string" ? query.paymentKey : "";
  const amount = typeof query.amount === "string" ? Number(query.amount) : Number.NaN;
  return <TossCheckoutResult redirect={{ outcome: "success", paymentKey, orderId, amount }} />;
}
