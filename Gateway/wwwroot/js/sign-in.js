// "Je me connecte à mon compte": member number + password or provisional access code,
// built from the same fields and form frame as every other screen.
import { post } from "./api.js";
import { h } from "./dom.js";
import { fieldMessages } from "./field-messages.js";
import { clearFieldErrors, showFieldErrors, textField, whileBusy } from "./fields.js";
import { formScreen } from "./form-screen.js";
import { franceConnectReturn, offerFranceConnect } from "./franceconnect.js";
import { formatAsTyped, formatMemberNumber } from "./format.js";
import { showProblem } from "./messages.js";
import { isCompleteMemberNumber } from "./rules.js";
import { firstLoginStore } from "./storage.js";

const title = "Je me connecte à mon compte";

/** Shows the sign-in form and the way to enrol. */
export function start() {
  const help = infoToggle();
  const memberNumber = textField({
    name: "memberNumber",
    label: "Identifiant",
    labelAside: help.toggle,
    hint: "Format : XXXXXXXX.XX",
    details: help.panel,
    inputmode: "numeric",
    autocomplete: "username",
    maxlength: 14,
    format: (input) => formatAsTyped(input, formatMemberNumber),
    after: h("p", { class: "field-link" }, h("a", { href: "/identifiant.html" }, "Je ne connais pas mon identifiant de connexion")),
  });
  const secret = textField({
    name: "secret",
    label: "Mot de passe ou code d'accès provisoire",
    type: "password",
    autocomplete: "current-password",
    maxlength: 128,
    after: h("p", { class: "field-link" }, h("a", { href: "/mot-de-passe-perdu.html" }, "J'ai perdu mon mot de passe ?")),
  });
  const fields = [memberNumber, secret];

  const returned = franceConnectReturn();
  const { form } = formScreen({ focus: false, notice: returned?.text, noticeKind: returned?.kind }, {
    id: "connexion",
    title,
    intro: h("p", {}, "Saisissez votre identifiant et votre mot de passe, ou le code d'accès provisoire reçu par courrier."),
    body: fields.map((field) => field.element),
    submitLabel: "Se connecter",
    onSubmit: (form, alert) => signIn(form, alert, fields),
  });
  form.after(h(
    "section",
    { class: "card card--muted", "aria-labelledby": "inscription-titre" },
    h("h2", { id: "inscription-titre" }, "Je crée mon compte"),
    h("p", {}, "Vous n'avez pas encore de compte ? Inscrivez-vous en quelques minutes avec votre numéro d'adhérent."),
    h("p", {}, h("a", { class: "button button--primary", href: "/inscription.html" }, "Je m'inscris")),
  ));
  offerFranceConnect(form);
}

async function signIn(form, alert, [memberNumber, secret]) {
  alert.clear();
  clearFieldErrors([memberNumber, secret]);
  const errors = {};
  if (!isCompleteMemberNumber(memberNumber.value())) errors.memberNumber = fieldMessages.memberNumber;
  if (!secret.input.value) errors.secret = fieldMessages.secret;
  if (Object.keys(errors).length) {
    showFieldErrors([memberNumber, secret], errors);
    return;
  }

  const answer = await whileBusy(form, () => post("/api/sessions", { memberNumber: memberNumber.value(), secret: secret.input.value }));
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
  showProblem(answer.problem, { alert, fields: [memberNumber, secret], context: "sign-in" });
  if (!memberNumber.hasError() && !secret.hasError()) {
    secret.focus();
  }
}

/** The "?" next to "Identifiant": opens and closes the guide's explanation, by keyboard too. */
function infoToggle() {
  const panel = h(
    "div",
    { class: "info-panel", id: "identifiant-aide", hidden: true },
    h("p", {}, h("strong", {}, "Identifiant")),
    h("p", {}, "Numéro d'adhérent indiqué dans tous nos courriers dans la rubrique « Vos références » (également sur votre carte de tiers payant ou sur votre titre de retraite) ; entrez 10 chiffres au format : XXXXXXXX.XX"),
  );
  const toggle = h(
    "button",
    { type: "button", class: "info-toggle", "aria-expanded": "false", "aria-controls": "identifiant-aide" },
    h("span", { "aria-hidden": "true" }, "?"),
    h("span", { class: "visually-hidden" }, "Où trouver mon identifiant ?"),
  );
  const setOpen = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      setOpen(false);
      toggle.focus();
    }
  });
  return { toggle, panel };
}
