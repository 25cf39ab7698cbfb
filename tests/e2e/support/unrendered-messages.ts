/**
 * Finds message keys shown as text: next-intl renders "namespace.key" where a
 * message is missing, so any dotted word that is one of our keys is a missing message.
 * And messages shown unformatted: the web build's formatter passes a message that was
 * not compiled ahead of time (next.config.ts) through as written, "{count, plural, …}".
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

/** Every argument name our messages use ("{count}", "{email}", …). */
const ARGUMENTS = new Set(
  [...JSON.stringify(LOCALES.map((locale) => messagesFor(locale))).matchAll(/\{(\w+)[,}]/g)].map(([, name]) => name),
);

export function rawMessageKeysIn(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z][\w-]*(?:\.[\w-]+)+/g) ?? [])].filter((word) => KEYS.has(word));
}

export function unformattedMessagesIn(text: string): string[] {
  const found = [...text.matchAll(/\{(\w+)(?:\}|, ?(?:plural|select|selectordinal|number|date|time)\b)/g)];
  return [...new Set(found.filter(([, name]) => ARGUMENTS.has(name)).map(([match]) => match))];
}
