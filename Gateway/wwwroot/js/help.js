// "Je ne connais pas mon identifiant de connexion": where a member finds their member number,
// as the help API tells it (the page already holds the same facts, should the API not answer).
import { get } from "./api.js";
import { h, replaceContent } from "./dom.js";

/** Shows the help API's facts in place of the page's own. */
export async function start() {
  const answer = await get("/api/help/member-number");
  if (answer.ok && Array.isArray(answer.data.whereToFind)) {
    const { format, text, whereToFind, helpNumbers = [] } = answer.data;
    replaceContent(
      document.getElementById("aide-identifiant"),
      h("p", {}, `Votre identifiant est votre numéro d'adhérent : 10 chiffres, au format ${format ?? "XXXXXXXX.XX"}.`),
      text ? h("p", {}, text) : null,
      h("p", {}, "Vous le trouvez :"),
      h("ul", {}, whereToFind.map((place) => h("li", {}, place))),
      helpNumbers.length ? h("p", {}, "Vous ne le trouvez pas ? Contactez-nous :") : null,
      helpNumbers.length
        ? h("ul", {}, helpNumbers.map(({ audience, number }) =>
          h("li", {}, `${audience} : `, h("a", { href: `tel:+33${String(number).replace(/\D/g, "").replace(/^0/, "")}` }, number))))
        : null,
      h("p", {}, h("a", { class: "button button--secondary", href: "/" }, "Retour")),
    );
  }
}

