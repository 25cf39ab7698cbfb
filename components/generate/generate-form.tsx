"use client";

/**
 * The generation form: model, size, count and prompt, with the live cost from the
 * server's price table. A resubmission of the same content reuses its
 * Idempotency-Key, so a retry after a lost answer never reserves points twice.
 */
import { useTranslations } from "next-intl";
import { Link, useRouter } from "@/i18n/navigation";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { api, ApiError, fieldErrorsOf } from "@/components/shared/api-client";
import type { Catalog, SubmittedGeneration } from "@/components/shared/api-types";
import { formatShape, type ImageFormat } from "@/lib/pricing/price-table";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { newIdempotencyKey } from "@/components/shared/idempotency-key";
import { useMember } from "@/components/layout/member-context";
import { ErrorAlert } from "@/components/shared/error-alert";
import { FieldError } from "@/components/shared/field-error";
import { useErrorText } from "@/components/shared/use-error-text";
import "./generate.css";

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

interface Shortfall {
  required: number;
  balance: number;
}

function shortfallOf(error: ApiError): Shortfall | null {
  const required = error.details?.required;
  const balance = error.details?.balance;
  return typeof required === "number" && typeof balance === "number" ? { required, balance } : null;
}

export function GenerateForm({ catalog, maxPromptLength }: { catalog: Catalog; maxPromptLength: number }) {
  const t = useTranslations("generate.form");
  const router = useRouter();
  const errorText = useErrorText();
  const { me, refresh } = useMember();
  const firstModel = catalog.models[0];
  const [modelId, setModelId] = useState(firstModel?.id ?? "");
  const [size, setSize] = useState<string>(firstModel?.sizes[0] ?? "");
  const [count, setCount] = useState("1");
  const [prompt, setPrompt] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [shortfall, setShortfall] = useState<Shortfall | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ content: string; key: string } | null>(null);

  const model = catalog.models.find((candidate) => candidate.id === modelId);
  const countNumber = Number(count);
  const countValid = Number.isInteger(countNumber) && countNumber >= 1 && countNumber <= catalog.maxImagesPerGeneration;
  const perImage = model?.sizes.find((offered) => offered === size)
    ? model.pointsPerImage[size as ImageFormat]
    : undefined;
  const cost = perImage !== undefined && countValid ? perImage * countNumber : null;
  // Known only once the balance is: until then the server is the one to refuse.
  const missing = me && cost !== null && cost > me.points ? cost - me.points : null;

  function chooseModel(id: string) {
    setModelId(id);
    const next = catalog.models.find((candidate) => candidate.id === id);
    if (next && !next.sizes.some((offered) => offered === size)) setSize(next.sizes[0] ?? "");
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!prompt.trim()) found.prompt = t("errors.prompt");
    if (!countValid) found.count = t("errors.count", { max: catalog.maxImagesPerGeneration });
    setErrors(found);
    setShortfall(null);
    if (Object.keys(found).length > 0) {
      setFormError(t("errors.form"));
      return;
    }
    setFormError(null);
    const body = { prompt, model: modelId, size, count: countNumber };
    const content = JSON.stringify(body);
    if (attempt.current?.content !== content) attempt.current = { content, key: newIdempotencyKey() };
    setBusy(true);
    try {
      const job = await api<SubmittedGeneration>("/api/generations", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": attempt.current.key },
      });
      void refresh();
      router.push(`/generations/${encodeURIComponent(job.id)}`);
    } catch (caught) {
      setBusy(false);
      const target = authRedirectFor(caught);
      if (target) {
        router.replace(target);
        return;
      }
      if (caught instanceof ApiError && caught.code === "INSUFFICIENT_POINTS") {
        setShortfall(shortfallOf(caught) ?? { required: cost ?? 0, balance: me?.points ?? 0 });
        void refresh();
        return;
      }
      setErrors(fieldErrorsOf(caught));
      setFormError(errorText(caught));
    }
  }

  if (!firstModel) {
    return <p className="notice">{t("noModel")}</p>;
  }

  return (
    <form className="form form--wide" onSubmit={submit} noValidate>
      <div className="field-row field-row--generate">
        <div className="field">
          <label htmlFor="generate-model">{t("model")}</label>
          <select
            id="generate-model"
            value={modelId}
            onChange={(event) => chooseModel(event.target.value)}
            disabled={busy}
            aria-invalid={errors.model ? true : undefined}
            aria-describedby={errors.model ? "generate-model-error" : undefined}
          >
            {catalog.models.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
          <FieldError id="generate-model-error" message={errors.model} />
        </div>
        <div className="field">
          <label htmlFor="generate-size">{t("size")}</label>
          <select
            id="generate-size"
            value={size}
            onChange={(event) => setSize(event.target.value)}
            disabled={busy}
            aria-invalid={errors.size ? true : undefined}
            aria-describedby={errors.size ? "generate-size-error" : undefined}
          >
            {(model?.sizes ?? []).map((candidate) => (
              <option key={candidate} value={candidate}>
                {t("sizeOption", {
                  size: candidate.replace("x", "×"),
                  shape: formatShape(candidate),
                  count: model?.pointsPerImage[candidate] ?? 0,
                })}
              </option>
            ))}
          </select>
          <FieldError id="generate-size-error" message={errors.size} />
        </div>
        <div className="field">
          <label htmlFor="generate-count">{t("count")}</label>
          <input
            id="generate-count"
            type="number"
            inputMode="numeric"
            min={1}
            max={catalog.maxImagesPerGeneration}
            step={1}
            value={count}
            onChange={(event) => setCount(event.target.value)}
            disabled={busy}
            aria-invalid={errors.count ? true : undefined}
            aria-describedby={`generate-count-hint${errors.count ? " generate-count-error" : ""}`}
          />
          <p id="generate-count-hint" className="hint">
            {t("countHint", { max: catalog.maxImagesPerGeneration })}
          </p>
          <FieldError id="generate-count-error" message={errors.count} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="generate-prompt">{t("prompt")}</label>
        <textarea
          id="generate-prompt"
          rows={5}
          maxLength={maxPromptLength}
          value={prompt}
          onChange={(event) => setPrompt(event.target.value)}
          placeholder={t("promptPlaceholder")}
          disabled={busy}
          aria-invalid={errors.prompt ? true : undefined}
          aria-describedby={`generate-prompt-count${errors.prompt ? " generate-prompt-error" : ""}`}
        />
        <p id="generate-prompt-count" className="hint hint--right">
          {t("promptLength", { length: prompt.length, max: maxPromptLength })}
        </p>
        <FieldError id="generate-prompt-error" message={errors.prompt} />
      </div>
      <div className="cost" aria-live="polite">
        <p>
          {cost === null
            ? t("costUnknown", { max: catalog.maxImagesPerGeneration })
            : me
              ? t.rich("costWithBalance", { cost, balance: me.points, strong })
              : t.rich("cost", { cost, strong })}
        </p>
        {missing !== null ? (
          <p id="generate-missing" className="cost__missing">
            {t("missing", { missing })}{" "}
            <Link href="/points" className="button button--small">
              {t("buyPoints")}
            </Link>
          </p>
        ) : null}
      </div>
      {shortfall ? (
        <div role="alert" className="error notice notice--error">
          <p>{t.rich("notEnough", { required: shortfall.required, balance: shortfall.balance, strong })}</p>
          <p>
            <Link href="/points">{t("buyPoints")}</Link>
          </p>
        </div>
      ) : null}
      <ErrorAlert message={formError} />
      {busy ? <p role="status">{t("submitting")}</p> : null}
      <button
        type="submit"
        className="button button--wide"
        disabled={busy || missing !== null}
        aria-describedby={missing !== null ? "generate-missing" : undefined}
      >
        {t("submit")}
      </button>
    </form>
  );
}
