import type { Metadata } from "next";
import { connection } from "next/server";
import { PointsView } from "@/components/points/points-view";
import { getCatalog } from "@/lib/pricing/get-catalog";
import { getServices } from "@/lib/services";

export const metadata: Metadata = { title: "Points" };

export default async function PointsPage() {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const catalog = getCatalog({ services: getServices() });
  return (
    <>
      <h1>Points</h1>
      <PointsView packages={catalog.packages} provider={catalog.paymentProviders[0] ?? null} />
    </>
  );
}
