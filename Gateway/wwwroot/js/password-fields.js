// The pair of new-password fields with their live rules, shared by enrolment, first login and lost password.
import { post } from "./api.js";
import { clearFieldErrors, showFieldErrors, textField } from "./fields.js";
import { passwordRules } from "./password-rules.js";
import { fieldMessages } from "./field-messages.js";
import { formScreen } from "./form-screen.js";

export function newPasswordFields() {
  const password = textField({ name: "password", label: "Votre mot de passe", type: "password", autocomplete: "new-password", maxlength: 64 });
  const passwordConfirmation = textField({ name: "passwordConfirmation", label: "Confirmation de votre mot de passe", type: "password", autocomplete: "new-password", maxlength: 64 });
  const rules = passwordRules(password, passwordConfirmation);
  return {
    fields: [password, passwordConfirmation],
    elements: [password.element, passwordConfirmation.element, rules.element],
    allMet: () => rules.allMet(),
    body: () => ({ password: password.input.value, passwordConfirmation: passwordConfirmation.input.value }),
    notMetError: { password: fieldMessages.passwordRules },
  };
}

/** A submit handler that checks the rules in the page first, and only then calls `send(form, alert, fields, body)`. */
export function submitNewPassword(passwords, send) {
  return (form, alert) => {
    clearFieldErrors(passwords.fields);
    if (!passwords.allMet()) {
      showFieldErrors(passwords.fields, passwords.notMetError);
      return;
    }
    send(form, alert, passwords.fields, passwords.body());
  };
}

/**
 * The step of a flow (flow.js) where the member sets a new password, sent to the flow's "password" address.
 * `frame` draws the screen (formScreen, or the enrolment's stepScreen with its kicker).
 */
export function newPasswordStep(flow, options, { title, heading, frame = formScreen }) {
  const passwords = newPasswordFields();
  frame(options, {
    title,
    heading,
    body: passwords.elements,
    onSubmit: submitNewPassword(passwords, (form, alert, fields, body) =>
      flow.act(form, alert, fields, () => post(flow.url("password"), body))),
  });
}
