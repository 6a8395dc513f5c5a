// Guide §6: create and confirm a personal password, its rules checked as the member types.
import { post } from "../api.js";
import { clearFieldErrors, showFieldErrors } from "../fields.js";
import { newPasswordFields } from "../password-fields.js";
import { stepScreen } from "./step-screen.js";

export function passwordScreen(journey, options) {
  const passwords = newPasswordFields();
  stepScreen(options, {
    title: "Création de votre mot de passe",
    heading: "Je crée mon mot de passe personnel",
    body: passwords.elements,
    onSubmit: (form, alert) => {
      clearFieldErrors(passwords.fields);
      if (!passwords.allMet()) {
        showFieldErrors(passwords.fields, passwords.notMetError);
        return;
      }
      journey.act(form, alert, passwords.fields,
        () => post(`/api/enrolments/${encodeURIComponent(journey.enrolmentId)}/password`, passwords.body()));
    },
  });
}
