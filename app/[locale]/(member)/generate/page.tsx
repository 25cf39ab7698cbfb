import type { Metadata } from "next";
import { connection } from "next/server";
import { GenerateForm } from "@/components/generate/generate-form";
import { MAX_PROMPT_LENGTH } from "@/lib/generation/generation-job";
import { getCatalog } from "@/lib/pricing/get-catalog";
import { getServices } from "@/lib/services";

export const metadata: Metadata = { title: "Generate" };

export default async function GeneratePage() {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const catalog = getCatalog({ services: getServices() });
  return (
    <>
      <h1>Generate images</h1>
      <p className="lead">
        Describe what you want to see. Points are held when you start and only charged for images that are made.
      </p>
      <GenerateForm catalog={catalog} maxPromptLength={MAX_PROMPT_LENGTH} />
    </>
  );
}
