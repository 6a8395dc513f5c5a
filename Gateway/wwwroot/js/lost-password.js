// "J'ai perdu mon mot de passe ?": member number + birth date, then a code by SMS to the phone on file
// (or a letter with a provisional access code when there is none), then a new password.
// The steps follow the server's answers through the same flow as the enrolment (flow.js).
import { post } from "./api.js";
import { codeEntry } from "./code-entry.js";
import { h } from "./dom.js";
import { birthDateMessage, fieldMessages } from "./field-messages.js";
import { clearFieldErrors, showFieldErrors, textField } from "./fields.js";
import { Flow } from "./flow.js";
import { formScreen } from "./form-screen.js";
import { formatAsTyped, formatDateTyping, formatMemberNumber, frenchDateToIso } from "./format.js";
import { problemMessage, signInLink } from "./messages.js";
import { newPasswordStep } from "./password-fields.js";
import { isCompleteMemberNumber } from "./rules.js";
import { showScreen } from "./screen.js";
import { resetStore } from "./storage.js";

const title = "J'ai perdu mon mot de passe";

/** After a reload: the step the server holds for this tab's request, or the first screen. */
export function start() {
  return new Flow({
    screens: {
      request: requestScreen,
      "enter-code": codeScreen,
      "create-password": passwordScreen,
      completed: completedScreen,
      "letter-sent": letterScreen,
    },
    first: "request",
    ends: ["completed", "letter-sent"],
    api: "/api/password-resets",
    idKey: "resetId",
    store: resetStore,
    context: "reset",
    overCodes: ["unknown-reset", "reset-expired", "reset-void", "enrolment-void"],
    overMessage: () => problemMessage({ code: "reset-expired" }),
  }).resume();
}

function requestScreen(flow, options) {
  const memberNumber = textField({
    name: "memberNumber",
    label: "Identifiant",
    hint: "Format : XXXXXXXX.XX (10 chiffres), indiqué dans nos courriers dans la rubrique « Vos références ».",
    inputmode: "numeric",
    autocomplete: "username",
    maxlength: 14,
    format: (input) => formatAsTyped(input, formatMemberNumber),
  });
  const birthDate = textField({
    name: "birthDate",
    label: "Votre date de naissance",
    hint: "Format : jj/mm/aaaa, par exemple 01/08/1985",
    inputmode: "numeric",
    autocomplete: "bday",
    maxlength: 10,
    format: (input) => formatAsTyped(input, formatDateTyping),
  });
  const fields = [memberNumber, birthDate];
  formScreen(options, {
    title,
    body: [
      h("p", {}, "Saisissez votre identifiant et votre date de naissance. Nous vous enverrons un code de confirmation par SMS sur le numéro de portable enregistré, ou, à défaut, un courrier avec un code d'accès provisoire."),
      fields.map((field) => field.element),
    ],
    onBack: () => window.location.assign("/"),
    onSubmit: (form, alert) => {
      clearFieldErrors(fields);
      const isoBirthDate = frenchDateToIso(birthDate.value());
      const errors = { birthDate: birthDateMessage(birthDate.value(), isoBirthDate) };
      if (!isCompleteMemberNumber(memberNumber.value())) errors.memberNumber = fieldMessages.memberNumber;
      if (Object.values(errors).some(Boolean)) {
        showFieldErrors(fields, errors);
        return;
      }
      flow.act(form, alert, fields, () => post("/api/password-resets", { memberNumber: memberNumber.value(), birthDate: isoBirthDate }));
    },
  });
}

function codeScreen(flow, options) {
  const { maskedPhone } = flow.view;
  const entry = codeEntry(flow.view);
  formScreen(options, {
    title: "Code de confirmation SMS",
    heading: "Saisissez le code reçu par SMS",
    body: [
      h("p", {}, maskedPhone
        ? `Un code de confirmation vient d'être envoyé par SMS au numéro de portable enregistré (${maskedPhone}).`
        : "Si vos informations sont exactes, un code de confirmation vient d'être envoyé par SMS au numéro de portable enregistré."),
      entry.elements,
    ],
    onBack: () => flow.restart(),
    onSubmit: (form, alert) => {
      if (entry.isComplete()) {
        flow.act(form, alert, [entry.field], () => post(flow.url("code"), entry.body()), entry.problemOptions);
      }
    },
  });
  flow.onLeave(entry.start());
}

function passwordScreen(flow, options) {
  newPasswordStep(flow, options, { title: "Nouveau mot de passe", heading: "Je choisis mon nouveau mot de passe" });
}

function completedScreen(_flow, options) {
  showScreen({
    title: "Votre mot de passe est modifié",
    focus: options.focus,
    content: h(
      "div",
      { class: "card" },
      h("p", { class: "success" }, "Votre nouveau mot de passe est enregistré. Pour votre sécurité, vos autres connexions ont été fermées."),
      h("p", {}, h("a", { class: "button button--primary", href: "/" }, "Je me connecte à mon compte")),
    ),
  });
}

function letterScreen(_flow, options) {
  showScreen({
    title: "Un courrier va vous être envoyé",
    focus: options.focus,
    content: h(
      "div",
      { class: "card" },
      h("p", { class: "success" }, "Vous recevrez sous quelques jours un courrier vous communiquant un code d'accès provisoire."),
      h("p", {}, "Lors de votre connexion avec ce code, il vous sera demandé de confirmer votre adresse e-mail, puis de créer et de confirmer un mot de passe personnel de 8 caractères alphas et/ou numériques au minimum, sans caractères spéciaux."),
      h("p", {}, signInLink()),
    ),
  });
}
