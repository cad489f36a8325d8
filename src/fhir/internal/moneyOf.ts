import { ExpectedText } from "../../errors.js";
import type { FhirPath, FhirReader } from "./read.js";

/** How many minor-unit digits a currency has (ISO 4217, as the runtime's Intl knows it). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** A FHIR Money (decimal `value`, `currency`) as referwell's minor units; a value finer than the currency's unit is refused. */
export function moneyOf(reader: FhirReader, value: unknown, path: FhirPath): { currency: string; minorUnits: number } | undefined {
  const money = reader.object(value, path, true);
  if (money === undefined) return undefined;
  const amount = reader.number(money.value, [...path, "value"], 0, 1e12);
  const currency = reader.string(money.currency, [...path, "currency"], true, 3);
  if (amount === undefined)
    return money.value === undefined ? reader.report([...path, "value"], "required", ExpectedText.number) : undefined;
  if (currency === undefined) return undefined;
  if (!/^[A-Z]{3}$/.test(currency)) return reader.report([...path, "currency"], "invalid-format", ExpectedText.currency);
  const scaled = amount * 10 ** currencyDigits(currency);
  const minorUnits = Math.round(scaled);
  if (Math.abs(scaled - minorUnits) > 1e-6 * Math.max(1, scaled))
    return reader.report([...path, "value"], "invalid", ExpectedText.minorUnitAmount);
  return { currency, minorUnits };
}

/** referwell's minor units as a FHIR Money. */
export function fhirMoney(money: { currency: string; minorUnits: number }): { value: number; currency: string } {
  return { value: money.minorUnits / 10 ** currencyDigits(money.currency), currency: money.currency };
}
