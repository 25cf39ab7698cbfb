/**
 * Pretendard Bold (SIL Open Font License), from its npm package, served by Next from
 * our own origin, for headings and the brand (--font-display in app/globals.css). Cut
 * down at build time to the characters our own texts use and the layout features we
 * need (scripts/ui-font-subset.ts): about 47 KB instead of 270 KB for the KS X 1001
 * subset it is cut from.
 *
 * Body text is set in the system's Korean font (Apple SD Gothic Neo, Noto Sans KR,
 * Malgun Gothic): it is there at the first paint, so no paragraph waits for a download
 * (with Pretendard for everything, a phone's first visit painted the landing page about
 * a second later in Lighthouse), and what members write (any syllable) is set in the
 * same font as the text around it.
 *
 * Not preloaded, and used only when it is there within the first ~100 ms (optional):
 * swapped in whenever it arrived, it moved the text (CLS 0.14 on the landing page). A
 * first visit on a slow network shows headings in the system's bold; later visits take
 * the font from the cache. `npm run bench:lighthouse` and `bench:first-load-js` measure
 * what it costs.
 */
import localFont from "next/font/local";

export const pretendard = localFont({
  src: [{ path: "../.next-fonts/Pretendard-Bold.ui.woff2", weight: "700" }],
  display: "optional",
  preload: false,
  variable: "--font-pretendard",
  fallback: ["system-ui", "Apple SD Gothic Neo", "Noto Sans KR", "sans-serif"],
});
