"use client";

/**
 * The public runtime configuration (app mode, Firebase web settings), handed down by
 * the root layout at request time so one build serves every deployment.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { PublicConfig } from "@/lib/config/env";

const PublicConfigContext = createContext<PublicConfig | null>(null);

export function PublicConfigProvider({ value, children }: { value: PublicConfig; children: ReactNode }) {
  return <PublicConfigContext.Provider value={value}>{children}</PublicConfigContext.Provider>;
}

export function usePublicConfig(): PublicConfig {
  const config = useContext(PublicConfigContext);
  if (!config) throw new Error("usePublicConfig needs the PublicConfigProvider of the root layout.");
  return config;
}
