import type { Metadata } from "next";
import { GenerationProgress } from "@/components/generate/generation-progress";
import { MODELS } from "@/lib/pricing/price-table";

export const metadata: Metadata = { title: "Your images" };

export default async function GenerationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const modelNames = Object.fromEntries(MODELS.map((model) => [model.id, model.name]));
  return (
    <>
      <h1>Your images</h1>
      <GenerationProgress id={id} modelNames={modelNames} />
    </>
  );
}
