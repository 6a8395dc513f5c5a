// What the member types, shaped as they type it and turned into what the API expects.

const digitsOf = (text) => (text ?? "").replace(/\D/g, "");

/** "1234567890" → "12345678.90", also for a number typed halfway. */
export function formatMemberNumber(text) {
  const digits = digitsOf(text).slice(0, 10);
  return digits.length > 8 ? `${digits.slice(0, 8)}.${digits.slice(8)}` : digits;
}

/** "01081985" → "01/08/1985", also for a date typed halfway; "1/8/" (a slash after one digit) → "01/08". */
export function formatDateTyping(text) {
  const padded = (text ?? "").replace(/(?<=^|[/.\- ])(\d)(?=[/.\- ])/g, "0$1");
  const digits = digitsOf(padded).slice(0, 8);
  if (digits.length > 4) return `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`;
  if (digits.length > 2) return `${digits.slice(0, 2)}/${digits.slice(2)}`;
  return digits;
}

/** "01/08/1985" → "1985-08-01"; null when it is not a real date of the past. */
export function frenchDateToIso(text) {
  const match = /^\s*(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})\s*$/.exec(text ?? "");
  if (!match) {
    return null;
  }
  const [day, month, year] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!isRealDate || year < 1900 || date.getTime() > Date.now()) {
    return null;
  }
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Applies a formatter while the member types at the end of the field, leaving edits in the middle alone. */
export function formatAsTyped(input, formatter) {
  input.addEventListener("input", (event) => {
    const typingAtEnd = input.selectionStart === input.value.length;
    if (!typingAtEnd || (event.inputType && !event.inputType.startsWith("insert"))) {
      return;
    }
    const formatted = formatter(input.value);
    if (formatted !== input.value) {
      input.value = formatted;
    }
  });
}

/** 75 → "1 minute et 15 secondes", 3600 → "1 heure". */
export function frenchDuration(totalSeconds) {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [];
  if (hours) parts.push(plural(hours, "heure"));
  if (minutes) parts.push(plural(minutes, "minute"));
  if (rest || parts.length === 0) parts.push(plural(rest, "seconde"));
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} et ${parts.at(-1)}` : parts[0];
}

const plural = (count, word) => `${count} ${word}${count > 1 ? "s" : ""}`;

/** 125 → "2:05", for the code's countdown. */
export function clockDuration(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
