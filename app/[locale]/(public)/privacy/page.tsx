import type { Metadata } from "next";
import { CONSENT_TEXTS } from "@/lib/privacy/policy-versions";
import { DATA_INVENTORY, type Retention } from "@/lib/privacy/data-inventory";

export const metadata: Metadata = { title: "How we handle your data" };

function describeRetention(retention: Retention): string {
  switch (retention.kind) {
    case "until-withdrawal":
      return "Until you close your account";
    case "days":
      return `${retention.days} days from ${retention.from}`;
    case "years":
      return `${retention.years} years from ${retention.from}`;
    case "until-delivered":
      return "Until the mail is delivered";
  }
}

/** Rendered from the same data inventory that drives retention, export and deletion. */
export default function PrivacyPage() {
  return (
    <>
      <h1>How we handle your data</h1>
      <p className="lead">
        Every kind of personal data imagesfactory keeps is listed below: what it is, why we keep it, on what legal
        basis, for how long, and who processes it for us. This page is generated from the same inventory our code uses
        to store, delete and export data.
      </p>
      <p className="hint policy-versions">
        Policy versions:{" "}
        {Object.values(CONSENT_TEXTS)
          .map((text) => text.policyVersion)
          .join(", ")}
      </p>
      <nav className="card toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">Kinds of data on this page</h2>
        <ul>
          {DATA_INVENTORY.map((kind) => (
            <li key={kind.id}>
              <a href={`#kind-${kind.id}`}>{kind.title.en}</a>
            </li>
          ))}
        </ul>
      </nav>
      {DATA_INVENTORY.map((kind) => (
        <section key={kind.id} className="card inventory" aria-labelledby={`kind-${kind.id}`}>
          <h2 id={`kind-${kind.id}`}>{kind.title.en}</h2>
          <dl className="facts facts--stacked">
            <div>
              <dt>What</dt>
              <dd>
                <ul>
                  {Object.entries(kind.fields).map(([field, description]) => (
                    <li key={field}>{description}</li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt>Why</dt>
              <dd>{kind.purpose.en}</dd>
            </div>
            <div>
              <dt>Legal basis</dt>
              <dd>{kind.legalBasis.en}</dd>
            </div>
            <div>
              <dt>Kept for</dt>
              <dd>{describeRetention(kind.retention)}</dd>
            </div>
            <div>
              <dt>When you close your account</dt>
              <dd>
                {kind.onWithdrawal === "delete"
                  ? "Deleted at once"
                  : "Kept, pseudonymised, only for the period the law requires, then deleted"}
              </dd>
            </div>
            <div>
              <dt>How it is deleted</dt>
              <dd>{kind.disposal.en}</dd>
            </div>
            <div>
              <dt>Processed by</dt>
              <dd>{kind.processors.join("; ")}</dd>
            </div>
          </dl>
        </section>
      ))}
    </>
  );
}
