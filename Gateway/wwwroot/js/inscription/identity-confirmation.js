// Guide §5: "Nous avons bien identifié votre compte" — name and address, Retour / Confirmer.
import { post } from "../api.js";
import { h } from "../dom.js";
import { stepScreen } from "./step-screen.js";

export function identityConfirmationScreen(journey, options) {
  const id = encodeURIComponent(journey.enrolmentId);
  stepScreen(options, {
    title: "Nous avons bien identifié votre compte",
    heading: "Nous avons bien identifié votre compte.",
    body: [
      h("h2", { class: "section-title" }, "Vos informations"),
      h(
        "dl",
        { class: "facts" },
        h("div", {}, h("dt", {}, "Vous êtes"), h("dd", {}, journey.view.fullName ?? "")),
        h("div", {}, h("dt", {}, "Vous habitez"), h("dd", {}, journey.view.address ?? "")),
      ),
      h("p", {}, "Pour poursuivre votre demande d'inscription, cliquez sur le bouton Confirmer."),
      h("p", { class: "note" }, "Si cette adresse n'est plus valide, nous vous invitons à nous contacter aux numéros indiqués en bas de page pour faire enregistrer votre nouvelle adresse."),
    ],
    submitLabel: "Confirmer",
    onBack: () => journey.back("confirm-identity"),
    onSubmit: (form, alert) => journey.act(form, alert, [], () => post(`/api/enrolments/${id}/identity-confirmation`, {})),
  });
}
