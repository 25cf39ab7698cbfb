const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * At most `max` characters as a reader counts them, ending in an ellipsis when cut:
 * never half an emoji or half a composed Hangul syllable.
 */
export function truncate(text: string, max: number): string {
  const characters = Array.from(graphemes.segment(text), (part) => part.segment);
  return characters.length <= max
    ? text
    : `${characters
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
