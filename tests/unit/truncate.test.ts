import { describe, expect, it } from "vitest";
import { truncate } from "../../components/shared/truncate";

describe("truncate", () => {
  it("keeps text within the limit as it is", () => {
    expect(truncate("비 오는 거리", 7)).toBe("비 오는 거리");
  });

  it("cuts to the limit, ellipsis included, without trailing space", () => {
    expect(truncate("a paper boat on a rainy street", 8)).toBe("a paper…");
  });

  it("counts what a reader sees as one character as one, and never splits it", () => {
    const family = "👨‍👩‍👧";
    expect(truncate(`${family}${family}${family}`, 2)).toBe(`${family}…`);
    // A syllable written as separate jamo (NFD) is one character too.
    const decomposed = "한글".normalize("NFD");
    expect(truncate(`${decomposed}이다`, 3)).toBe(`${decomposed}…`);
  });
});
