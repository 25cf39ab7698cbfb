import type { NextConfig } from "next";

/**
 * What pages may load. Scripts and styles come from the app itself (Next inlines its
 * bootstrap, hence 'unsafe-inline'); the browser talks only to the app, Firebase
 * Auth (Google's endpoints, or the Auth emulator on this machine's loopback) and, for
 * "Continue with Google", Google's sign-in frames. Nothing may frame the app.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' https://apis.google.com${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https://identitytoolkit.googleapis.com https://securetoken.googleapis.com http://127.0.0.1:* http://localhost:*",
  "frame-src https://*.firebaseapp.com https://accounts.google.com http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

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
          { key: "Content-Security-Policy", value: contentSecurityPolicy },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
