// Guide §6: create and confirm a personal password, its rules checked as the member types.
import { post } from "../api.js";
import { newPasswordFields, submitNewPassword } from "../password-fields.js";
import { stepScreen } from "./step-screen.js";

export function passwordScreen(journey, options) {
  const passwords = newPasswordFields();
  stepScreen(options, {
    title: "Création de votre mot de passe",
    heading: "Je crée mon mot de passe personnel",
    body: passwords.elements,
    onSubmit: submitNewPassword(passwords, (form, alert, fields, body) =>
      journey.act(form, alert, fields, () => post(`/api/enrolments/${encodeURIComponent(journey.enrolmentId)}/password`, body))),
  });
}
