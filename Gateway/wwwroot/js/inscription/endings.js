// The two ends of the journey: account ready (SMS path), or a letter on its way (letter path).
import { h } from "../dom.js";
import { showScreen } from "../screen.js";
import { kicker } from "./step-screen.js";

export function completedScreen(journey, options) {
  accountCreatedScreen(
    options,
    h("p", {}, "Vous pouvez dès maintenant vous connecter avec votre identifiant et le mot de passe que vous venez de créer."),
    h("p", {}, h("a", { class: "button button--primary", href: "/" }, "Je me connecte à mon compte")),
  );
}

/** « Votre compte est créé », then how the member signs in (`after`). */
export function accountCreatedScreen(options, ...after) {
  showScreen({
    title: "Votre compte est créé",
    heading: "Votre compte est créé",
    focus: options.focus,
    content: h("div", { class: "card" }, h("p", { class: "success" }, "Félicitations, votre espace personnel est prêt."), ...after),
  });
}

export function letterSentScreen(journey, options) {
  showScreen({
    title: "Votre demande est enregistrée",
    kicker,
    heading: "Votre demande est enregistrée",
    focus: options.focus,
    content: h(
      "div",
      { class: "card" },
      h("p", { class: "success" }, "Vous recevrez sous quelques jours un courrier vous communiquant un code d'accès provisoire."),
      h("p", {}, "Lors de votre première connexion, avec votre identifiant et ce code d'accès provisoire, il vous sera demandé de confirmer votre adresse e-mail, puis de créer et de confirmer un mot de passe personnel de 8 caractères alphas et/ou numériques au minimum."),
      h("p", {}, "Il ne doit pas comporter de caractères spéciaux."),
      h("p", {}, h("a", { class: "button button--primary", href: "/" }, "Retour à la page de connexion")),
    ),
  });
}
