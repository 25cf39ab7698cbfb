import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The e2e tests build into a folder of their own so a running local stack is never disturbed.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Native modules and firebase-admin run as plain Node packages, not bundled.
  serverExternalPackages: ["better-sqlite3", "sharp", "firebase-admin"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
