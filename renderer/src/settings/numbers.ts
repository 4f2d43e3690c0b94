export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export interface NumberRule {
  label: string;
  min: number;
  max: number;
  /** How the unit reads after a number, e.g. "%" or " weeks". */
  unit: string;
  example: string;
}

const fmt = (n: number) => n.toLocaleString('en-GB');

/**
 * Reads a threshold typed by the officer ("10", "10%", " 52.14 ") and says in plain English what is
 * wrong, before the server's own check (whose wording names schema fields) is ever reached.
 */
export function parseSetting(text: string, rule: NumberRule): Parsed {
  const clean = text.trim().replace(/%$/, '').replace(/,/g, '').trim();
  const range = `between ${fmt(rule.min)} and ${fmt(rule.max)}${rule.unit}`;
  if (clean === '') return { ok: false, message: `${rule.label}: enter a number ${range}, for example ${rule.example}.` };
  if (!/^\d+(\.\d+)?$/.test(clean)) return { ok: false, message: `${rule.label}: "${text.trim()}" is not a number. Enter a number ${range}, for example ${rule.example}.` };
  const value = Number(clean);
  if (value < rule.min || value > rule.max) return { ok: false, message: `${rule.label}: ${fmt(value)}${rule.unit} is out of range. Enter a number ${range}.` };
  return { ok: true, value };
}
