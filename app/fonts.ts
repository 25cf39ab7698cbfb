/**
 * Pretendard (SIL Open Font License), from its npm package, served by Next from our
 * own origin: the KS X 1001 subset (all 2,350 common Hangul syllables, Latin, digits
 * and punctuation) in two weights, about 267 KB each. The rest of Unicode falls back
 * to the system font. The full variable font would be 2 MB.
 */
import localFont from "next/font/local";

export const pretendard = localFont({
  src: [
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Regular.subset.woff2", weight: "400" },
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Bold.subset.woff2", weight: "700" },
  ],
  display: "swap",
  variable: "--font-pretendard",
  fallback: ["system-ui", "Apple SD Gothic Neo", "Noto Sans KR", "sans-serif"],
});
