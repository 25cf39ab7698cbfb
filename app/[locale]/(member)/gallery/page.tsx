import type { Metadata } from "next";
import { GalleryGrid } from "@/components/gallery/gallery-grid";

export const metadata: Metadata = { title: "Gallery" };

export default function GalleryPage() {
  return (
    <>
      <h1>Gallery</h1>
      <p className="lead">
        Your images, newest first. Each one is deleted for good 90 days after it was made, or earlier if you delete it.
      </p>
      <GalleryGrid />
    </>
  );
}
