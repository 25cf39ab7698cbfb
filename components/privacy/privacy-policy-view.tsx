/**
 * The privacy policy document (lib/privacy/privacy-policy.ts) as HTML: numbered
 * articles with a contents list, tables that scroll sideways on a phone rather than
 * widen the page, and links inside the site in the page's language.
 */
import { Link } from "@/i18n/navigation";
import type { PolicyBlock, PrivacyPolicyDocument } from "@/lib/privacy/privacy-policy";
import "../legal/legal.css";
import "./privacy.css";

export function PrivacyPolicyView({ document }: { document: PrivacyPolicyDocument }) {
  return (
    <article className="legal-document privacy-policy" aria-labelledby="legal-title">
      <header className="legal-document__header">
        <h1 id="legal-title">{document.title}</h1>
        <p className="hint">{document.meta}</p>
      </header>
      <p className="lead">{document.lead}</p>
      <nav className="card legal-document__contents" aria-labelledby="legal-contents">
        <h2 id="legal-contents">{document.contentsTitle}</h2>
        <ol>
          {document.sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {document.sections.map((section) => (
        <section key={section.id} className="legal-document__article" aria-labelledby={section.id}>
          <h2 id={section.id}>{section.title}</h2>
          {section.blocks.map((block, index) => (
            <Block key={index} block={block} />
          ))}
        </section>
      ))}
    </article>
  );
}

function Block({ block }: { block: PolicyBlock }) {
  switch (block.kind) {
    case "paragraph":
      return <p>{block.text}</p>;
    case "subheading":
      return <h3>{block.text}</h3>;
    case "list":
      return (
        <ul>
          {block.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      );
    case "table":
      return (
        // Focusable so a keyboard can scroll a table wider than a phone.
        <div className="table-wrap" role="region" aria-label={block.caption} tabIndex={0}>
          <table className={block.columns.length > 3 ? "table table--scroll" : "table"}>
            <thead>
              <tr>
                {block.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, cellIndex) =>
                    cellIndex === 0 ? (
                      <th key={cellIndex} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={cellIndex}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "contacts":
      return (
        <dl className="facts">
          {block.items.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd className="break-anywhere">{item.href ? <a href={item.href}>{item.text}</a> : item.text}</dd>
            </div>
          ))}
        </dl>
      );
    case "link":
      return (
        <p>
          <Link href={block.link.path}>{block.link.text}</Link>
        </p>
      );
  }
}
