/** A messages file's JSON in, the JSON of the same tree with every message compiled out. */
export default function precompileMessages(source: string): string;
