/** Members made through the real paths: Firebase sign-up, account creation, sandbox purchase. */
import { randomUUID } from "node:crypto";
import { createAccount } from "../../lib/accounts/create-account";
import { createOrder } from "../../lib/orders/create-order";
import { completeSandboxPayment } from "../../lib/payments/complete-sandbox-payment";
import type { Services } from "../../lib/services";
import { signUpUser, type TestUser } from "./firebase-users";

export async function createMember(services: Services): Promise<TestUser> {
  const user = await signUpUser();
  await createAccount({
    services,
    uid: user.uid,
    input: { name: "Test Member", ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } },
    requestLocale: "ko",
  });
  return user;
}

/** Buys the 1,000-point package `times` times through the sandbox provider. */
export async function buyPoints(services: Services, uid: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const { orderId } = await createOrder({
      services,
      uid,
      input: { packageId: "points-1000", provider: "sandbox" },
      idempotencyKey: randomUUID(),
    });
    await completeSandboxPayment({ services, uid, orderId });
  }
}
