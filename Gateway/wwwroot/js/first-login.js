// First login with the provisional access code from the letter: confirm the e-mail on file
// (or give a new one, typed twice), then create and confirm a personal password.
import { get, post } from "./api.js";
import { h } from "./dom.js";
import { clearFieldErrors, showFieldErrors, textField, whileBusy } from "./fields.js";
import { formScreen } from "./form-screen.js";
import { problemMessage, showProblem, signInLink } from "./messages.js";
import { newPasswordFields } from "./password-fields.js";
import { showScreen } from "./screen.js";
import { firstLoginStore } from "./storage.js";
import { fieldMessages } from "./field-messages.js";
import { isEmail, sameEmail } from "./rules.js";

/** The first-login form for the pending first login, or a word to sign in first. */
export async function start() {
  const pending = firstLoginStore.load();
  if (pending?.firstLoginId) {
    // The e-mail on file, to confirm or replace; a first login that is no longer valid sends back to sign-in.
    const screen = await get(`/api/first-login/${encodeURIComponent(pending.firstLoginId)}`);
    if (screen.ok) {
      firstLoginForm({ firstLoginId: pending.firstLoginId, email: screen.data.email }, false);
    } else if (["unknown-first-login", "first-login-expired", "not-found"].includes(screen.problem.code)) {
      firstLoginStore.clear();
      signInFirst(problemMessage({ code: "first-login-expired" }, "first-login"), false);
    } else {
      firstLoginForm(pending, false);
    }
  } else {
    signInFirst("Pour votre première connexion, connectez-vous d'abord avec votre identifiant et le code d'accès provisoire reçu par courrier.", false);
  }
}

function firstLoginForm({ firstLoginId, email: emailOnFile }, focus) {
  const email = textField({
    name: "email",
    label: "Votre e-mail",
    hint: emailOnFile ? "L'adresse enregistrée est indiquée ; modifiez-la si elle n'est plus la bonne." : null,
    type: "email",
    autocomplete: "email",
    maxlength: 254,
    value: emailOnFile,
  });
  const emailConfirmation = textField({ name: "emailConfirmation", label: "Confirmation de votre e-mail", type: "email", autocomplete: "off", maxlength: 254 });
  const passwords = newPasswordFields();
  const fields = [email, emailConfirmation, ...passwords.fields];

  formScreen({ focus }, {
    title: "Première connexion",
    heading: "Première connexion",
    body: [
      h("p", {}, "Bienvenue ! Pour finaliser la création de votre compte, confirmez votre adresse e-mail, puis créez et confirmez votre mot de passe personnel."),
      h("h2", { class: "section-title" }, "Votre adresse e-mail"),
      email.element,
      emailConfirmation.element,
      h("h2", { class: "section-title" }, "Votre mot de passe personnel"),
      passwords.elements,
    ],
    onSubmit: async (form, alert) => {
      clearFieldErrors(fields);
      alert.clear();
      const errors = {};
      if (!isEmail(email.value())) errors.email = fieldMessages.email;
      if (!sameEmail(email.value(), emailConfirmation.value())) errors.emailConfirmation = fieldMessages.emailConfirmation;
      if (!passwords.allMet()) Object.assign(errors, passwords.notMetError);
      if (Object.keys(errors).length) {
        showFieldErrors(fields, errors);
        return;
      }
      const answer = await whileBusy(form, () => post(`/api/first-login/${encodeURIComponent(firstLoginId)}`, {
        email: email.value(),
        emailConfirmation: emailConfirmation.value(),
        ...passwords.body(),
      }));
      if (answer.ok) {
        firstLoginStore.clear();
        window.location.assign("/mon-espace.html");
        return;
      }
      if (["unknown-first-login", "first-login-expired", "not-found"].includes(answer.problem.code)) {
        firstLoginStore.clear();
        signInFirst(problemMessage({ ...answer.problem, code: "first-login-expired" }, "first-login"), true);
        return;
      }
      showProblem(answer.problem, { alert, fields, context: "first-login" });
    },
  });
}

function signInFirst(message, focus) {
  showScreen({
    title: "Première connexion",
    focus,
    content: h("div", { class: "card" }, h("p", {}, message), h("p", {}, signInLink())),
  });
}
