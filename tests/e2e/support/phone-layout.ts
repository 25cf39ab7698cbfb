/**
 * Whether the page shown now fits a phone: nothing makes it scroll sideways, and no
 * line breaks inside a Korean word (Hangul breaks between words: `word-break:
 * keep-all` in app/globals.css). Measured in the browser, on the layout as drawn.
 */
import { expect, type Page } from "@playwright/test";

export const PHONE = { width: 390, height: 844 } as const;

interface PhoneLayout {
  /** How far the page is wider than the screen, in CSS pixels (0 or less: it fits). */
  overflow: number;
  /** The elements that stick out of the screen, outside any box that scrolls them. */
  wide: string[];
  /** Korean words split across two lines, with a bar where the line breaks. */
  brokenWords: string[];
}

function measure(): PhoneLayout {
  const width = document.documentElement.clientWidth;
  const unseen = (element: Element) => element.closest(".visually-hidden, script, style, noscript, template") !== null;
  const insideScroller = (element: Element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== "visible") return true;
    }
    return false;
  };
  const describe = (element: Element) =>
    `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> "${(element.textContent ?? "").trim().slice(0, 40)}"`;

  const wide = [...document.body.querySelectorAll("*")]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      const outside = box.width > 0 && (box.right > width + 0.5 || box.left < -0.5);
      return outside && !unseen(element) && !insideScroller(element);
    })
    .slice(0, 5)
    .map(describe);

  const hangul = /\p{Script=Hangul}/u;
  const brokenWords: string[] = [];
  const range = document.createRange();
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const node = texts.currentNode as Text;
    const parent = node.parentElement;
    if (!parent || unseen(parent) || !hangul.test(node.data)) continue;
    let previousTop: number | null = null;
    for (let index = 0; index < node.data.length; index++) {
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const top = range.getClientRects()[0]?.top ?? null;
      const betweenSyllables = hangul.test(node.data.charAt(index - 1)) && hangul.test(node.data.charAt(index));
      if (betweenSyllables && top !== null && previousTop !== null && top > previousTop + 1) {
        const before = node.data.slice(Math.max(0, index - 8), index);
        brokenWords.push(`${describe(parent)}: ${before}|${node.data.slice(index, index + 8)}`);
      }
      previousTop = top;
    }
  }
  return { overflow: document.documentElement.scrollWidth - width, wide, brokenWords };
}

/** Fails when the page shown now scrolls sideways or breaks a Korean word; `what` names it in the failure. */
export async function expectFitsPhone(page: Page, what: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const layout = await page.evaluate(measure);
  expect(layout.overflow, `${what} scrolls sideways: ${layout.wide.join(", ")}`).toBeLessThanOrEqual(0);
  expect(layout.brokenWords, `${what} breaks a Korean word across lines`).toEqual([]);
}
