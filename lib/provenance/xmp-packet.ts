/**
 * The XMP packet written into every generated image. Tools read these properties:
 * Iptc4xmpExt:DigitalSourceType is what Google, Meta and the IPTC/C2PA checkers look
 * for; AISystemUsed and AISystemVersionUsed (IPTC Photo Metadata 2025.1) name the
 * model; xmp:CreatorTool and xmp:CreateDate the service and the time.
 */
import { AI_DIGITAL_SOURCE_TYPE, GENERATOR_NAME, type ImageProvenance } from "./image-provenance";

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function xmpPacket(provenance: ImageProvenance): string {
  const properties: [string, string][] = [
    ["Iptc4xmpExt:DigitalSourceType", AI_DIGITAL_SOURCE_TYPE],
    ["Iptc4xmpExt:AISystemUsed", provenance.modelName],
    ["Iptc4xmpExt:AISystemVersionUsed", provenance.modelVersion],
    ["xmp:CreatorTool", GENERATOR_NAME],
    ["xmp:CreateDate", provenance.createdAt],
  ];
  return [
    // The BOM in `begin` is the packet marker XMP scanners look for.
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `<rdf:Description rdf:about=""`,
    ` xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"`,
    ` xmlns:xmp="http://ns.adobe.com/xap/1.0/"`,
    ...properties.map(([name, value]) => ` ${name}="${escapeXml(value)}"`),
    `/>`,
    `</rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="r"?>`,
  ].join("\n");
}
