// "AVEC FRANCE CONNECT": the official FranceConnect button (the DSFR component, not restyled), offered only when
// the gateway has a FranceConnect registration, and the short messages a return from FranceConnect leaves.
import { get } from "./api.js";
import { h } from "./dom.js";

const returns = {
  abandon: { text: "Vous avez annulé la connexion avec FranceConnect.", kind: "info" },
  erreur: { text: "La connexion avec FranceConnect n'a pas abouti. Réessayez, ou connectez-vous avec votre identifiant.", kind: "error" },
  deconnexion: { text: "Vous êtes déconnecté, de FranceConnect aussi.", kind: "info" },
  verrouille: { text: "Votre inscription est temporairement bloquée après plusieurs essais. Réessayez plus tard, ou contactez-nous aux numéros ci-dessous.", kind: "error" },
};

/** What the last return from FranceConnect says (`?franceconnect=` on the sign-in screen), or null. */
export function franceConnectReturn(search = window.location.search) {
  return returns[new URLSearchParams(search).get("franceconnect")] ?? null;
}

/** The block, or null when FranceConnect is not offered (the gateway answers 404). */
export async function franceConnectBlock() {
  const answer = await get("/api/franceconnect");
  if (!answer.ok) {
    return null;
  }
  for (const href of ["/css/vendor/dsfr-connect.min.css", "/css/franceconnect.css"]) {
    document.head.append(h("link", { rel: "stylesheet", href }));
  }
  return h(
    "section",
    { class: "card", "aria-labelledby": "franceconnect-titre" },
    h("h2", { id: "franceconnect-titre" }, "Avec FranceConnect"),
    h(
      "div",
      { class: "fr-connect-group" },
      h(
        "a",
        { class: "fr-connect", href: "/franceconnect/login" },
        h("span", { class: "fr-connect__login" }, "S’identifier avec"),
        " ",
        h("span", { class: "fr-connect__brand" }, "FranceConnect"),
      ),
      h(
        "p",
        {},
        h(
          "a",
          { href: "https://franceconnect.gouv.fr/", target: "_blank", rel: "noopener", title: "Qu’est-ce que FranceConnect ? - nouvelle fenêtre" },
          "Qu’est-ce que FranceConnect ?",
        ),
      ),
    ),
  );
}

/** Puts the block after `node` once the gateway says FranceConnect is offered. */
export async function offerFranceConnect(node) {
  const block = await franceConnectBlock();
  if (block && node.isConnected) {
    node.after(block);
  }
}
