/**
 * A consent record must prove what was agreed to: the version it stores is the very
 * version shown at the address the sign-up checkbox links to, and that version's words
 * exist (tests/unit/legal-documents.test.ts keeps them from changing).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONSENT_RECORDS } from "../../lib/accounts/members";
import { currentVersion, findVersion } from "../../lib/legal/legal-document";
import { TERMS } from "../../lib/legal/terms";
import { consentDocumentPaths } from "../../lib/accounts/consent-version";
import { getServices } from "../../lib/services";
import { createMember } from "../support/members";

const services = getServices();

/** The version segment of a terms address, as app/[locale]/(public)/terms/[version]/page.tsx reads it. */
function termsVersionAt(documentPath: string | null): string | undefined {
  return /^\/terms\/([^/]+)$/.exec(documentPath ?? "")?.[1];
}

describe("the terms consent stored at sign-up", () => {
  it("names the version of the page its checkbox links to", async () => {
    const member = await createMember(services);
    const records = await services.db.query({
      collection: CONSENT_RECORDS,
      where: [{ field: "uid", op: "==", value: member.uid }],
    });
    const terms = records.map((record) => record.data).find((record) => record.purpose === "terms");
    expect(terms).toMatchObject({ granted: true });

    const linked = termsVersionAt(consentDocumentPaths(new Date()).terms);
    expect(linked, "the checkbox links to one version of the terms").toBeDefined();
    const shown = findVersion(TERMS, linked!);
    expect(shown, `a page exists for ${linked}`).toBeDefined();
    expect(terms?.policyVersion).toBe(shown?.version);
    // New members agree to the terms in effect.
    expect(terms?.policyVersion).toBe(currentVersion(TERMS).version);
    expect(existsSync(join(import.meta.dirname, "../../app/[locale]/(public)/terms/[version]/page.tsx"))).toBe(true);
  });
});
