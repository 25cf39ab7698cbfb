/**
 * The web build formats messages compiled ahead of time (scripts/precompile-messages-loader.mjs,
 * next.config.ts) with use-intl's formatter that has no parser; mail, API errors outside
 * the web build and the worker format the JSON as written. Every message of both
 * languages must read the same both ways, with arguments of each kind it takes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { CompiledMessage } from "icu-minify/format";
import { createTranslator } from "use-intl/core";
import formatPrecompiled from "use-intl/format-message/format-only";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, LOCALES } from "../../lib/i18n/locales";
import { FORMATS, isMessage } from "../../lib/i18n/messages";
import precompileMessages from "../../scripts/precompile-messages-loader.mjs";

const MESSAGES_DIR = join(import.meta.dirname, "../../messages");

type Tree<Leaf> = { [key: string]: Leaf | Tree<Leaf> };
/** A tag's function takes its chunks as a string (use-intl's markup) or a list (the precompiled formatter). */
type Values = Record<string, string | number | Date | ((chunks: unknown) => string)>;

function leaves<Leaf>(tree: Tree<Leaf>, isLeaf: (node: unknown) => node is Leaf, prefix = ""): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  for (const [key, node] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isLeaf(node)) found.set(path, node);
    else for (const [inner, leaf] of leaves(node, isLeaf, path)) found.set(inner, leaf);
  }
  return found;
}

const isText = (node: unknown): node is string => typeof node === "string";
const isCompiled = (node: unknown): node is CompiledMessage => isMessage(node);

/** Values for every argument a message takes; plurals get `count`, selects their `choice`. */
function valuesFor(elements: MessageFormatElement[], count: number, choice: (options: string[]) => string): Values {
  const values: Values = {};
  const visit = (nodes: MessageFormatElement[]) => {
    for (const element of nodes) {
      switch (element.type) {
        case TYPE.argument:
          values[element.value] = "Ada";
          break;
        case TYPE.number:
          values[element.value] = 15000.5;
          break;
        case TYPE.date:
        case TYPE.time:
          values[element.value] = new Date("2026-11-24T14:05:00Z");
          break;
        case TYPE.plural:
          values[element.value] = count;
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.select:
          values[element.value] = choice(Object.keys(element.options));
          for (const option of Object.values(element.options)) visit(option.value);
          break;
        case TYPE.tag:
          values[element.value] = (chunks) => `<${element.value}>${[chunks].flat().join("")}</${element.value}>`;
          visit(element.children);
          break;
        case TYPE.literal:
        case TYPE.pound:
          break;
      }
    }
  };
  visit(elements);
  return values;
}

const FORMATTERS = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
} as Parameters<typeof formatPrecompiled>[3]["formatters"];

describe.each(LOCALES)("messages precompiled for the web build, in %s", (locale) => {
  it.each(readdirSync(join(MESSAGES_DIR, locale)).sort())("%s reads as the JSON does", (file) => {
    const source = readFileSync(join(MESSAGES_DIR, locale, file), "utf8");
    const written = JSON.parse(source) as Tree<string>;
    const compiled = leaves(JSON.parse(precompileMessages(source)) as Tree<CompiledMessage>, isCompiled);
    const t = createTranslator({ locale, messages: written, formats: FORMATS, timeZone: DEFAULT_TIME_ZONE });
    const texts = leaves(written, isText);
    expect([...compiled.keys()]).toEqual([...texts.keys()]);

    for (const [key, text] of texts) {
      const elements = parse(text);
      const choices = [(options: string[]) => options[0]!, (options: string[]) => options.at(-1)!];
      for (const count of [0, 1, 3]) {
        for (const choice of choices) {
          const values = valuesFor(elements, count, choice);
          const asWritten = t.markup(key as never, values as never);
          // As use-intl calls its formatter in the web build, where this one replaces the parsing one.
          const formatted = formatPrecompiled(key, compiled.get(key)!, values, {
            cache: {
              dateTime: {},
              number: {},
              message: {},
              relativeTime: {},
              pluralRules: {},
              list: {},
              displayNames: {},
            },
            formatters: FORMATTERS,
            globalFormats: FORMATS,
            locale,
            timeZone: DEFAULT_TIME_ZONE,
          });
          // Our tag functions return text, so every part is text.
          const asCompiled = ([formatted].flat() as string[]).join("");
          expect(asCompiled, `${file} ${key}`).toBe(asWritten);
        }
      }
    }
  });
});
