import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PublicConfigProvider } from "@/components/public-config";
import { getPublicConfig } from "@/lib/config/env";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "imagesfactory", template: "%s · imagesfactory" },
  description: "Type a prompt, pick a model, get your images. Pay with points.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read the configuration per request, not at build time: one build serves every deployment.
  await connection();
  const config = getPublicConfig();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <noscript>
          <p className="noscript">
            Signing in, generating and buying points need JavaScript. Everything else on this site works without it.
          </p>
        </noscript>
        <PublicConfigProvider value={config}>{children}</PublicConfigProvider>
        <footer className="site-footer">
          <p>
            imagesfactory · <Link href="/privacy">How we handle your data</Link>
            {config.appMode === "local" ? " · Local mode: sandbox payments, local mailbox" : null}
          </p>
        </footer>
      </body>
    </html>
  );
}
