/**
 * Pretendard (SIL Open Font License), from its npm package, served by Next from our
 * own origin: cut down at build time to the characters our own texts use
 * (scripts/ui-font-subset.ts), about 54 KB per weight instead of 270 KB for the
 * KS X 1001 subset it is cut from. What members write may hold any syllable, so
 * prompts and form fields are set in the system's Korean font (--font-member-text in
 * app/globals.css) rather than in a mix of two fonts within one word. A second tier
 * with the whole subset was tried: Chrome fetched it on every page while the first was
 * still loading, 540 KB for nothing.
 *
 * Not preloaded, and used only when it is there within the first ~100 ms (optional):
 * swapped in whenever it arrived, it moved the text (CLS 0.14 on the landing page). A
 * first visit on a slow network reads in the system's Korean font (Apple SD Gothic
 * Neo, Noto Sans KR); later visits take it from the cache. `npm run bench:lighthouse`
 * and `bench:first-load-js` measure what it costs.
 */
import localFont from "next/font/local";

export const pretendard = localFont({
  src: [
    { path: "../.next-fonts/Pretendard-Regular.ui.woff2", weight: "400" },
    { path: "../.next-fonts/Pretendard-Bold.ui.woff2", weight: "700" },
  ],
  display: "optional",
  preload: false,
  variable: "--font-pretendard",
  fallback: ["system-ui", "Apple SD Gothic Neo", "Noto Sans KR", "sans-serif"],
});
