/**
 * Finds message keys shown as text: next-intl renders "namespace.key" where a
 * message is missing, so any dotted word that is one of our keys is a missing message.
 */
import { LOCALES } from "../../../lib/i18n/locales";
import { messagesFor } from "../../../lib/i18n/messages";

type Tree = { [key: string]: unknown };

function keyPaths(tree: Tree, prefix: string, into: Set<string>): Set<string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    into.add(path);
    if (value && typeof value === "object") keyPaths(value as Tree, path, into);
  }
  return into;
}

const KEYS = new Set<string>();
for (const locale of LOCALES) keyPaths(messagesFor(locale), "", KEYS);

export function rawMessageKeysIn(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z][\w-]*(?:\.[\w-]+)+/g) ?? [])].filter((word) => KEYS.has(word));
}
