/**
 * The browser tests use Debian's Chromium (never a downloaded browser). Installs it
 * with apt when missing and running as root; otherwise says what to install.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    process.stderr.write("The e2e tests need Debian's Chromium: sudo apt-get install -y chromium fonts-nanum\n");
    process.exit(1);
  }
  process.stdout.write("Installing Debian's chromium and fonts-nanum for the e2e tests…\n");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-nanum"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
