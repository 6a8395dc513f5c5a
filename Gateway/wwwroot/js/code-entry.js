// The SMS code's field, its lifetime warning and its countdown, as the answer that showed the code screen
// describes the code (codeLength, codeExpiresAt): shared by the enrolment and the lost password.
import { serverNow } from "./api.js";
import { Countdown } from "./countdown.js";
import { h } from "./dom.js";
import { fieldMessages } from "./field-messages.js";
import { clearFieldErrors, showFieldErrors, textField } from "./fields.js";
import { frenchDuration } from "./format.js";
import { codeLengthOf, codeLifetimeSeconds, isCode } from "./rules.js";

/** `view`: what the server said of the code ({ codeLength?, codeExpiresAt? }). */
export function codeEntry(view) {
  const length = codeLengthOf(view);
  const lifetime = codeLifetimeSeconds(view.codeExpiresAt, serverNow());
  const field = textField({ name: "code", label: "Code de confirmation SMS", hint: `${length} chiffres`, inputmode: "numeric", autocomplete: "one-time-code", maxlength: length });
  const countdown = new Countdown();
  const validity = lifetime ? `n'est valable que ${frenchDuration(lifetime)}` : "n'est valable que quelques minutes";
  return {
    field,
    countdown,
    elements: [
      h("p", { class: "warning" }, `Attention, ce code ${validity}. Au-delà vous devrez recommencer la procédure sur le site.`),
      countdown.element,
      field.element,
    ],
    /** Starts the countdown; returns what stops it when the screen changes. */
    start() {
      countdown.start(view.codeExpiresAt);
      return () => countdown.stop();
    },
    /** Checks the code's shape in the page, saying what is wrong next to it. */
    isComplete() {
      clearFieldErrors([field]);
      if (isCode(field.value(), length)) return true;
      showFieldErrors([field], { code: fieldMessages.code(length) });
      return false;
    },
    body: () => ({ code: field.value() }),
    /** How a refused code is shown: next to the field, with the code's lifetime when it expired. */
    problemOptions: { fieldOf: { "code-mismatch": "code", "code-expired": "code" }, facts: { codeLifetimeSeconds: lifetime } },
  };
}
