import type { Metadata } from "next";
import { SandboxCheckout } from "@/components/points/sandbox-checkout";

export const metadata: Metadata = { title: "Sandbox payment" };

export default async function SandboxCheckoutPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return (
    <div className="page--narrow">
      <h1>Sandbox payment — no real money</h1>
      <p className="notice notice--warning">
        This is a test checkout. Paying here moves no money: it only completes the order so its points are added to your
        balance.
      </p>
      <SandboxCheckout orderId={orderId} />
    </div>
  );
}
