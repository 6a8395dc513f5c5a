// Guide §6: create and confirm a personal password, its rules checked as the member types.
import { newPasswordStep } from "../password-fields.js";
import { stepScreen } from "./step-screen.js";

export function passwordScreen(journey, options) {
  newPasswordStep(journey, options, { title: "Création de votre mot de passe", heading: "Je crée mon mot de passe personnel", frame: stepScreen });
}
