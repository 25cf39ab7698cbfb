/**
 * The part of subset-font (2.9) that scripts/ui-font-subset.ts uses, from its README:
 * its DefinitelyTyped types stop before `keepFeatures`.
 */
declare module "subset-font" {
  interface SubsetFontOptions {
    targetFormat?: "sfnt" | "woff" | "woff2" | "truetype";
    /** OpenType feature tags to keep (hb-subset --layout-features); all by default. */
    keepFeatures?: readonly string[];
  }

  export default function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
