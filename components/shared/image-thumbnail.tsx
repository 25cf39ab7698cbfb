/**
 * An image's thumbnail in every size it has (srcset) for the width the view draws it
 * at (`sizes`), so a 3x phone screen gets a sharp one and a desktop grid a small one.
 * While an image has no thumbnails yet (they are made just after it), the original.
 */
import type { ImageUrls } from "@/lib/images/image-record";

export interface ImageThumbnailProps {
  image: ImageUrls;
  /** The CSS width the view draws the thumbnail at, per viewport: the `sizes` attribute. */
  sizes: string;
  alt: string;
  /**
   * The view's first image, likely on the first screen: fetched at once and first, not
   * lazily once laid out, since it is often the page's largest paint.
   */
  first?: boolean;
}

export function ImageThumbnail({ image, sizes, alt, first = false }: ImageThumbnailProps) {
  const smallest = image.thumbnails[0];
  return (
    // eslint-disable-next-line @next/next/no-img-element -- private, per-member image bytes: not for the image optimiser
    <img
      src={image.thumbnailUrl}
      srcSet={smallest ? image.thumbnails.map(({ url, width }) => `${url} ${width}w`).join(", ") : undefined}
      sizes={smallest ? sizes : undefined}
      width={smallest?.width}
      height={smallest?.height}
      alt={alt}
      loading={first ? "eager" : "lazy"}
      fetchPriority={first ? "high" : undefined}
    />
  );
}
