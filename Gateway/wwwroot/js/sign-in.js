// "Je me connecte à mon compte": member number + password or provisional access code.
import { post } from "./api.js";
import { fieldMessages } from "./field-messages.js";
import { formatAsTyped, formatMemberNumber } from "./format.js";
import { isCompleteMemberNumber } from "./rules.js";
import { clearFieldErrors, showFieldErrors, whileBusy } from "./fields.js";
import { problemMessage } from "./messages.js";
import { firstLoginStore } from "./storage.js";

/** Wires the sign-in form the page holds. */
export function start() {
  const form = document.getElementById("connexion");
  const alert = wrapAlert(document.getElementById("connexion-alerte"));
  const memberNumber = pageField("memberNumber", "Identifiant", "identifiant", "identifiant-erreur");
  const secret = pageField("secret", "Mot de passe ou code d'accès provisoire", "secret", "secret-erreur");
  const fields = [memberNumber, secret];

  formatAsTyped(memberNumber.input, formatMemberNumber);
  wireInfoToggle(document.getElementById("identifiant-aide-bouton"), document.getElementById("identifiant-aide"));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    alert.clear();
    clearFieldErrors(fields);

    const errors = {};
    if (!isCompleteMemberNumber(memberNumber.input.value)) {
      errors.memberNumber = fieldMessages.memberNumber;
    }
    if (!secret.input.value) {
      errors.secret = fieldMessages.secret;
    }
    if (Object.keys(errors).length) {
      showFieldErrors(fields, errors);
      return;
    }

    const answer = await whileBusy(form, () =>
      post("/api/sessions", { memberNumber: memberNumber.input.value.trim(), secret: secret.input.value }));
    if (answer.ok && answer.data.status === "first-login") {
      firstLoginStore.save({ firstLoginId: answer.data.firstLoginId });
      window.location.assign("/premiere-connexion.html");
      return;
    }
    if (answer.ok) {
      window.location.assign("/mon-espace.html");
      return;
    }

    secret.input.value = "";
    const unclaimed = showFieldErrors(fields, answer.problem.errors);
    alert.show(unclaimed.length ? unclaimed.join(" ") : problemMessage(answer.problem, "sign-in"));
    if (!fields.some((field) => field.hasError())) {
      secret.input.focus();
    }
  });
}

/** A field written in the page's HTML, with the same small API as the built ones. */
function pageField(name, label, inputId, errorId) {
  const input = document.getElementById(inputId);
  const error = document.getElementById(errorId);
  return {
    name,
    label,
    input,
    errorText: () => error.textContent,
    focus: () => input.focus(),
    hasError: () => error.textContent !== "",
    setError(message) {
      error.textContent = message ?? "";
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    },
  };
}

function wrapAlert(element) {
  return {
    show(content) {
      element.className = "alert alert--error";
      element.replaceChildren(typeof content === "string" ? document.createTextNode(content) : content);
    },
    clear() {
      element.className = "alert";
      element.replaceChildren();
    },
  };
}

/** The "?" next to "Identifiant": opens and closes the guide's explanation, by keyboard too. */
function wireInfoToggle(toggle, panel) {
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      toggle.setAttribute("aria-expanded", "false");
      panel.hidden = true;
      toggle.focus();
    }
  });
}
