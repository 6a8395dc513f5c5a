// "J'ai perdu mon mot de passe ?": member number + birth date, then a code by SMS to the phone on file
// (or a letter with a provisional access code when there is none), then a new password.
import { get, post } from "./api.js";
import { codeEntry } from "./code-entry.js";
import { h } from "./dom.js";
import { clearFieldErrors, showFieldErrors, textField, whileBusy } from "./fields.js";
import { formScreen } from "./form-screen.js";
import { birthDateMessage, fieldMessages } from "./field-messages.js";
import { formatAsTyped, formatDateTyping, formatMemberNumber, frenchDateToIso } from "./format.js";
import { isCompleteMemberNumber } from "./rules.js";
import { problemMessage, showProblem, signInLink } from "./messages.js";
import { newPasswordFields, submitNewPassword } from "./password-fields.js";
import { showScreen } from "./screen.js";
import { resetStore } from "./storage.js";

const title = "J'ai perdu mon mot de passe";
let leave = () => {};

const screens = {
  request: requestScreen,
  "enter-code": codeScreen,
  "create-password": passwordScreen,
  completed: completedScreen,
  "letter-sent": letterScreen,
};

/** After a reload: the step the server holds for this tab's request, or the first screen. */
export async function start() {
  const saved = resetStore.load();
  if (!saved?.resetId) {
    show("request", { focus: false });
    return;
  }
  const answer = await get(`/api/password-resets/${encodeURIComponent(saved.resetId)}`);
  if (answer.ok) {
    resetStore.save({ ...saved, ...answer.data });
    show(answer.data.step, { focus: false });
    return;
  }
  resetStore.clear();
  show("request", { focus: false, notice: problemMessage({ code: "reset-expired" }) });
}

function show(step, options = {}) {
  leave();
  leave = () => {};
  (screens[step] ?? requestScreen)({ focus: true, ...options });
}

/** Sends one step of the reset and follows the answer. */
async function act(form, alert, fields, call, { fieldOf = {}, facts = {} } = {}) {
  alert.clear();
  const answer = await whileBusy(form, call);
  if (answer.ok) {
    const current = resetStore.load() ?? {};
    const next = { ...current, ...answer.data };
    if (next.step === "completed" || next.step === "letter-sent") resetStore.clear();
    else resetStore.save(next);
    show(next.step);
    return;
  }
  const problem = { ...facts, ...answer.problem };
  if (problem.code === "wrong-step" && problem.step) {
    resetStore.save({ ...resetStore.load(), step: problem.step });
    show(problem.step, { notice: problemMessage(problem), noticeKind: "info" });
    return;
  }
  if (["unknown-reset", "reset-expired", "enrolment-void"].includes(problem.code)) {
    resetStore.clear();
    show("request", { notice: problemMessage({ code: "reset-expired" }) });
    return;
  }
  showProblem(problem, { alert, fields, context: "reset", fieldOf });
}

function requestScreen(options) {
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
      act(form, alert, fields, () => post("/api/password-resets", { memberNumber: memberNumber.value(), birthDate: isoBirthDate }));
    },
  });
}

const resetUrl = (path) => `/api/password-resets/${encodeURIComponent(resetStore.load()?.resetId ?? "")}/${path}`;

function codeScreen(options) {
  const view = resetStore.load() ?? {};
  const { maskedPhone } = view;
  const entry = codeEntry(view);
  formScreen(options, {
    title: "Code de confirmation SMS",
    heading: "Saisissez le code reçu par SMS",
    body: [
      h("p", {}, maskedPhone
        ? `Un code de confirmation vient d'être envoyé par SMS au numéro de portable enregistré (${maskedPhone}).`
        : "Si vos informations sont exactes, un code de confirmation vient d'être envoyé par SMS au numéro de portable enregistré."),
      entry.elements,
    ],
    onBack: () => {
      resetStore.clear();
      show("request");
    },
    onSubmit: (form, alert) => {
      if (entry.isComplete()) {
        act(form, alert, [entry.field], () => post(resetUrl("code"), entry.body()), entry.problemOptions);
      }
    },
  });
  leave = entry.start();
}

function passwordScreen(options) {
  const passwords = newPasswordFields();
  formScreen(options, {
    title: "Nouveau mot de passe",
    heading: "Je choisis mon nouveau mot de passe",
    body: passwords.elements,
    onSubmit: submitNewPassword(passwords, (form, alert, fields, body) =>
      act(form, alert, fields, () => post(resetUrl("password"), body))),
  });
}

function completedScreen(options) {
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

function letterScreen(options) {
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
