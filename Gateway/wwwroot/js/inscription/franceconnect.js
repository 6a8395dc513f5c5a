// « Je m'inscris » from FranceConnect (flow c): no identity form, FranceConnect has identified the person. The
// wizard confirms identity and address and asks the member number, then the account signs in with FranceConnect.
import { get, post } from "../api.js";
import { h } from "../dom.js";
import { problemMessage } from "../messages.js";
import { showScreen } from "../screen.js";
import { enrolmentStore } from "../storage.js";
import { accountCreatedScreen } from "./endings.js";

/** True on the wizard opened by the FranceConnect return (`?franceconnect=inscription`). */
export function isFranceConnectEnrolment(search = window.location.search) {
  return new URLSearchParams(search).get("franceconnect") === "inscription";
}

/** Keeps the journey the gateway opened from FranceConnect, so that the wizard resumes it. */
export async function adoptFranceConnectJourney() {
  const answer = await get("/api/franceconnect/enrolment");
  if (answer.ok) {
    enrolmentStore.save({ enrolmentId: answer.data.enrolmentId });
  }
}

/** In place of the identity form: this journey is over, or was never opened here; FranceConnect again. */
export function franceConnectStartScreen(journey, options) {
  showScreen({
    title: "S'inscrire avec FranceConnect",
    heading: "S'inscrire avec FranceConnect",
    focus: options.focus,
    content: h(
      "div",
      { class: "card" },
      options.notice ? h("p", { class: "alert alert--error", role: "alert" }, options.notice) : null,
      h("p", {}, "Votre inscription avec FranceConnect n'est plus en cours. Identifiez-vous de nouveau avec FranceConnect, ou inscrivez-vous avec le formulaire."),
      h(
        "p",
        { class: "actions" },
        h("a", { class: "button button--secondary", href: "/" }, "Retour à la page de connexion"),
        h("a", { class: "button button--primary", href: "/inscription.html" }, "Je m'inscris avec le formulaire"),
      ),
    ),
  });
}

/** The account exists and FranceConnect is linked to it: signed in at once, no password to create. */
export async function franceConnectCompletedScreen(journey, options) {
  const answer = await post("/api/franceconnect/enrolment/session");
  accountCreatedScreen(
    options,
    h("p", {}, "Vous vous connecterez avec FranceConnect, sans mot de passe. Vous pourrez ajouter un mot de passe depuis « Mon espace »."),
    answer.ok
      ? h("p", {}, h("a", { class: "button button--primary", href: "/mon-espace.html" }, "Accéder à mon espace"))
      : h("p", {}, problemMessage(answer.problem), " ", h("a", { href: "/" }, "Je me connecte avec FranceConnect")),
  );
}
