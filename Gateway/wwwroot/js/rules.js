// What a field must hold before it is sent: the same rules as the gateway's, so the member hears about a
// mistake before the round trip. The code's length comes from the server's answer; 6 only when it says none.

const digitsOf = (text) => (text ?? "").replace(/\D/g, "");

/** True when the member number has its ten digits. */
export const isCompleteMemberNumber = (text) => digitsOf(text).length === 10;

/** "+33 6 12 34 56 78", "06.12.34.56.78" → "0612345678"; the text unchanged when it is not a French mobile. */
export function normaliseFrenchMobile(text) {
  let compact = (text ?? "").replace(/[\s.\-()]/g, "");
  if (compact.startsWith("+33")) compact = `0${compact.slice(3)}`;
  else if (compact.startsWith("0033")) compact = `0${compact.slice(4)}`;
  return compact;
}

/** A French mobile: 10 digits starting 06 or 07, however it is written. */
export const isFrenchMobile = (text) => /^0[67]\d{8}$/.test(normaliseFrenchMobile(text));

/** Two numbers are the same mobile when they normalise alike. */
export const sameMobile = (a, b) => normaliseFrenchMobile(a) === normaliseFrenchMobile(b);

/** One "@", something either side, a dot in the domain, no space. */
export const isEmail = (text) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test((text ?? "").trim());

/** The confirmation of an e-mail matches it whatever the case. */
export const sameEmail = (a, b) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

/** Used only when an answer showing the code screen does not say how many digits the code has. */
const defaultCodeLength = 6;

/** The code's number of digits, as the answer that showed the code screen tells it. */
export function codeLengthOf(answer) {
  const length = answer?.codeLength;
  return Number.isInteger(length) && length > 0 ? length : defaultCodeLength;
}

/** True when the text is exactly `length` digits. */
export const isCode = (text, length) => new RegExp(`^\\d{${length}}$`).test((text ?? "").trim());

/** How long a code is valid, in whole minutes (as seconds), from its expiry and now; null when unknown. */
export function codeLifetimeSeconds(expiresAt, now) {
  const end = Date.parse(expiresAt ?? "");
  if (!Number.isFinite(end) || end <= now) return null;
  return Math.ceil((end - now) / 60_000) * 60;
}
