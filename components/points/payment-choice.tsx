"use client";

/** The ways to pay this deployment offers, as one radio group; each says what it takes and in which currency. */
import { useTranslations } from "next-intl";
import type { PaymentProviderId } from "@/lib/payments/payment-provider";
import type { PaymentOption } from "@/lib/pricing/get-catalog";

export function PaymentChoice({
  options,
  value,
  onChange,
  disabled,
}: {
  options: PaymentOption[];
  value: PaymentProviderId | null;
  onChange: (provider: PaymentProviderId) => void;
  disabled: boolean;
}) {
  const t = useTranslations("points.payWith");
  return (
    <fieldset className="payment-choice" disabled={disabled}>
      <legend>{t("legend")}</legend>
      {options.map((option) => (
        <div key={option.provider} className="payment-option">
          <input
            type="radio"
            name="payment-provider"
            id={`payment-${option.provider}`}
            value={option.provider}
            checked={value === option.provider}
            onChange={() => onChange(option.provider)}
            aria-describedby={`payment-${option.provider}-detail`}
          />
          <label htmlFor={`payment-${option.provider}`} className="payment-option__name">
            {t(`${option.provider}.name`)}
          </label>
          <p id={`payment-${option.provider}-detail`} className="payment-option__detail">
            {t(`${option.provider}.detail`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
