// The pair of new-password fields with their live rules, shared by enrolment, first login and lost password.
import { textField } from "./fields.js";
import { passwordRules } from "./password-rules.js";

export function newPasswordFields() {
  const password = textField({ name: "password", label: "Votre mot de passe", type: "password", autocomplete: "new-password", maxlength: 64 });
  const passwordConfirmation = textField({ name: "passwordConfirmation", label: "Confirmation de votre mot de passe", type: "password", autocomplete: "new-password", maxlength: 64 });
  const rules = passwordRules(password, passwordConfirmation);
  return {
    fields: [password, passwordConfirmation],
    elements: [password.element, passwordConfirmation.element, rules.element],
    allMet: () => rules.allMet(),
    body: () => ({ password: password.input.value, passwordConfirmation: passwordConfirmation.input.value }),
    notMetError: { password: "Votre mot de passe ne respecte pas encore toutes les règles ci-dessous." },
  };
}
