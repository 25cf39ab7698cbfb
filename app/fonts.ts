/**
 * Pretendard (SIL Open Font License), from its npm package, served by Next from our
 * own origin: the KS X 1001 subset (all 2,350 common Hangul syllables, Latin, digits
 * and punctuation) in two weights, about 267 KB each. The rest of Unicode falls back
 * to the system font. The full variable font would be 2 MB.
 *
 * Not preloaded, and used only when it is there within the first ~100 ms (optional).
 * Preloaded, its 540 KB competed with the page's own files for a phone's bandwidth;
 * swapped in whenever it arrived, it moved the text (CLS 0.14 on the landing page).
 * Lighthouse mobile scored landing and generate 68-84 with the preloaded font and
 * 93-100 without any web font (`npm run bench:lighthouse`). A first visit on a slow
 * network reads in the system's Korean font (Apple SD Gothic Neo, Noto Sans KR) while
 * the font downloads; later visits take it from the cache.
 */
import localFont from "next/font/local";

export const pretendard = localFont({
  src: [
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Regular.subset.woff2", weight: "400" },
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Bold.subset.woff2", weight: "700" },
  ],
  display: "optional",
  preload: false,
  variable: "--font-pretendard",
  fallback: ["system-ui", "Apple SD Gothic Neo", "Noto Sans KR", "sans-serif"],
});
