/**
 * The web build's loader for messages/<locale>/*.json (next.config.ts): every message
 * compiled ahead of time by icu-minify, the compiler next-intl's own precompile uses,
 * so no page ships an ICU parser. The output is JSON again, because lib/i18n/messages.ts
 * imports the files as JSON modules (`with { type: "json" }`, which plain Node needs).
 */
import compile from "icu-minify/compile";

function compileTree(node) {
  if (typeof node === "string") return compile(node);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compileTree(value)]));
}

export default function precompileMessages(source) {
  return JSON.stringify(compileTree(JSON.parse(source)));
}
