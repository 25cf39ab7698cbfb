import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { connection } from "next/server";
import { formatPoints } from "@/components/shared/format";
import { PackageSummary } from "@/components/points/package-summary";
import { getCatalog } from "@/lib/pricing/get-catalog";
import { getServices } from "@/lib/services";

export const metadata: Metadata = { title: { absolute: "imagesfactory · Images from words, paid for with points" } };

export default async function LandingPage() {
  // Render per request: never touch services or read configuration while building.
  await connection();
  const catalog = getCatalog({ services: getServices() });
  return (
    <>
      <section className="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">Images from words, paid for with points</h1>
        <p className="lead">
          Type a prompt, pick a model, and get up to {catalog.maxImagesPerGeneration} images at a time. Your images stay
          in a private gallery for 90 days; download them one by one or all at once, and delete them whenever you like.
        </p>
        <p className="actions">
          <Link href="/signup" className="button">
            Create an account
          </Link>
          <a href="#packages-heading" className="button button--secondary">
            See prices
          </a>
        </p>
      </section>

      <section aria-labelledby="how-heading">
        <h2 id="how-heading">How it works</h2>
        <ol className="steps">
          <li>
            <strong>Buy points.</strong> Pick a package; bigger packages come with bonus points.
          </li>
          <li>
            <strong>Describe your image.</strong> Choose a model, a size and how many images you want; you see the price
            before you start.
          </li>
          <li>
            <strong>Watch them appear.</strong> Points are held while the images are made; you pay only for images that
            succeed.
          </li>
        </ol>
      </section>

      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Models</h2>
        {catalog.models.length === 0 ? (
          <p>No model is available right now.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Points per image, by model and size</caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Sizes and points per image</th>
                </tr>
              </thead>
              <tbody>
                {catalog.models.map((model) => (
                  <tr key={model.id}>
                    <th scope="row">{model.name}</th>
                    <td>
                      <ul className="inline-list">
                        {model.sizes.map((size) => (
                          <li key={size}>
                            {size}: {formatPoints(model.pointsPerImage[size] ?? 0)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="packages-heading">
        <h2 id="packages-heading">Points packages</h2>
        <ul className="packages">
          {catalog.packages.map((pkg) => (
            <li key={pkg.id} className="package-card">
              <PackageSummary pkg={pkg} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
