/**
 * XMP in a PNG, where the XMP specification (part 3) puts it: an uncompressed iTXt
 * chunk with the keyword "XML:com.adobe.xmp". libvips writes a compressed zTXt chunk
 * instead, which not every reader looks into, and re-encoding would cost the pixels'
 * compression time again; adding a chunk leaves the image data as it is.
 */
import { crc32 } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const XMP_KEYWORD = "XML:com.adobe.xmp";

interface Chunk {
  type: string;
  /** The whole chunk: length, type, data and CRC. */
  bytes: Buffer;
  data: Buffer;
}

function chunksOf(png: Buffer): Chunk[] {
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE))
    throw new Error("Not a PNG file.");
  const chunks: Chunk[] = [];
  let offset = SIGNATURE.length;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > png.length) throw new Error("A PNG chunk runs past the end of the file.");
    chunks.push({
      type: png.toString("latin1", offset + 4, offset + 8),
      bytes: png.subarray(offset, end),
      data: png.subarray(offset + 8, offset + 8 + length),
    });
    offset = end;
  }
  return chunks;
}

function isXmpChunk(chunk: Chunk): boolean {
  return (
    (chunk.type === "iTXt" || chunk.type === "zTXt" || chunk.type === "tEXt") &&
    chunk.data.subarray(0, XMP_KEYWORD.length + 1).equals(Buffer.from(`${XMP_KEYWORD}\0`, "latin1"))
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const bytes = Buffer.alloc(12 + data.length);
  bytes.writeUInt32BE(data.length, 0);
  typeAndData.copy(bytes, 4);
  bytes.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return bytes;
}

/** The PNG with `xmp` as its only XMP packet, placed right after the header. */
export function withPngXmp(png: Buffer, xmp: string): Buffer {
  const chunks = chunksOf(png).filter((chunk) => !isXmpChunk(chunk));
  if (chunks[0]?.type !== "IHDR") throw new Error("A PNG must start with its IHDR chunk.");
  // iTXt: keyword, NUL, compression flag 0, method 0, no language tag, no translated keyword, the text.
  const data = Buffer.concat([Buffer.from(`${XMP_KEYWORD}\0\0\0\0\0`, "latin1"), Buffer.from(xmp, "utf8")]);
  return Buffer.concat([SIGNATURE, chunks[0].bytes, chunk("iTXt", data), ...chunks.slice(1).map((c) => c.bytes)]);
}
