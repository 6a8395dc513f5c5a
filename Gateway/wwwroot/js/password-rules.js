// The password rules of the guide, checked as the member types:
// "8 caractères alphas et/ou numériques au minimum. Pas de caractères spéciaux".
import { h, uniqueId } from "./dom.js";

const rules = [
  { text: "Au moins 8 caractères (64 au plus)", test: (password) => password.length >= 8 && password.length <= 64 },
  { text: "Uniquement des lettres sans accent et des chiffres, pas de caractères spéciaux", test: (password) => password.length > 0 && /^[A-Za-z0-9]+$/.test(password) },
  { text: "La confirmation est identique au mot de passe", test: (password, confirmation) => password.length > 0 && password === confirmation },
];

/**
 * A live checklist under the password fields. Returns { element, id, allMet() }.
 * Each rule says in words whether it is met, so colour is never the only sign.
 */
export function passwordRules(passwordField, confirmationField) {
  const id = uniqueId("regles-mot-de-passe");
  const items = rules.map((rule) => {
    const state = h("span", { class: "visually-hidden" });
    const item = h("li", { class: "rule" }, h("span", { class: "rule__icon", "aria-hidden": "true" }), state, rule.text);
    return { rule, item, state };
  });
  const element = h(
    "div",
    { class: "rules", id },
    h("p", { class: "rules__title" }, "Votre mot de passe personnel doit comporter 8 caractères alphas et/ou numériques au minimum. Pas de caractères spéciaux."),
    h("ul", { class: "rules__list", "aria-live": "polite" }, items.map((entry) => entry.item)),
  );

  const check = () => {
    const password = passwordField.input.value;
    const confirmation = confirmationField.input.value;
    let allMet = true;
    for (const { rule, item, state } of items) {
      const met = rule.test(password, confirmation);
      allMet &&= met;
      if (item.dataset.met !== String(met)) {
        // Only a change is written, so that screen readers announce changes, not every keystroke.
        item.dataset.met = String(met);
        state.textContent = met ? "Règle respectée : " : "Règle non respectée : ";
      }
    }
    return allMet;
  };
  passwordField.input.addEventListener("input", check);
  confirmationField.input.addEventListener("input", check);
  passwordField.input.setAttribute("aria-describedby", `${passwordField.input.getAttribute("aria-describedby")} ${id}`);
  check();
  return { element, id, allMet: check };
}
