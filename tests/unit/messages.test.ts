/**
 * Both languages say everything: the same namespaces, the same keys, the same ICU
 * arguments in each message (a translation that drops {count} or adds a plural the
 * other lacks would render wrong in one language only), and every message parses.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../lib/i18n/locales";
import { messagesFor } from "../../lib/i18n/messages";

const MESSAGES_DIR = join(import.meta.dirname, "../../messages");

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, value);
    else for (const [inner, text] of leaves(value, path)) found.set(inner, text);
  }
  return found;
}

/** The argument names of a message with their kinds ("count:plural", "name:argument", "link:tag"). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        into.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(`${element.value}:${TYPE[element.type]}`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        into.add(`${element.value}:tag`);
        argumentsOf(element.children, into);
        break;
      // Plain text and the plural's "#" name no argument.
      case TYPE.literal:
      case TYPE.pound:
        break;
    }
  }
  return into;
}

function readTree(locale: string, file: string): Tree {
  return JSON.parse(readFileSync(join(MESSAGES_DIR, locale, file), "utf8")) as Tree;
}

const files = readdirSync(join(MESSAGES_DIR, "en")).sort();

describe("messages", () => {
  it("has the same namespace files in every language", () => {
    for (const locale of LOCALES) expect(readdirSync(join(MESSAGES_DIR, locale)).sort()).toEqual(files);
  });

  it("loads every namespace file for every language", () => {
    for (const locale of LOCALES) {
      expect(Object.keys(messagesFor(locale)).sort()).toEqual(files.map((file) => file.replace(/\.json$/, "")).sort());
    }
  });

  describe.each(files)("%s", (file) => {
    const reference = leaves(readTree("en", file));

    it.each(LOCALES.filter((locale) => locale !== "en"))("has every English key and no other in %s", (locale) => {
      const translated = leaves(readTree(locale, file));
      expect([...translated.keys()].sort()).toEqual([...reference.keys()].sort());
    });

    it.each(LOCALES)("parses every message and keeps the English arguments in %s", (locale) => {
      for (const [key, text] of leaves(readTree(locale, file))) {
        expect(text.trim(), `${locale} ${file} ${key} is empty`).not.toBe("");
        const english = reference.get(key);
        if (english === undefined) continue;
        const args = [...argumentsOf(parse(text))].sort();
        expect(args, `${locale} ${file} ${key}`).toEqual([...argumentsOf(parse(english))].sort());
      }
    });
  });
});
