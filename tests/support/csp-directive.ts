/** The sources of one directive of a Content-Security-Policy header; throws when it is missing. */
export function cspDirective(policy: string, name: string): string[] {
  const found = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  if (!found) throw new Error(`No ${name} in "${policy}"`);
  return found.slice(1);
}
