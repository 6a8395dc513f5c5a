// After FranceConnect, once: the member proves that the account the directory matched is theirs by typing its
// member number (failures limited like enrolment's member-number step); then FranceConnect alone signs them in.
import { post } from "./api.js";
import { h } from "./dom.js";
import { fieldMessages } from "./field-messages.js";
import { clearFieldErrors, showFieldErrors, textField, whileBusy } from "./fields.js";
import { formScreen } from "./form-screen.js";
import { formatAsTyped, formatMemberNumber } from "./format.js";
import { showProblem } from "./messages.js";
import { isCompleteMemberNumber } from "./rules.js";

export function start() {
  const memberNumber = textField({
    name: "memberNumber",
    label: "Identifiant",
    hint: "Format : XXXXXXXX.XX",
    inputmode: "numeric",
    autocomplete: "username",
    maxlength: 14,
    format: (input) => formatAsTyped(input, formatMemberNumber),
  });
  formScreen({}, {
    id: "lien-franceconnect",
    title: "S'identifier avec FranceConnect",
    intro: h("p", {}, "FranceConnect vous a identifié. Pour relier FranceConnect à votre compte, saisissez une seule fois votre identifiant (numéro d'adhérent)."),
    body: [memberNumber.element],
    submitLabel: "Valider",
    onBack: () => window.location.assign("/"),
    onSubmit: async (form, alert) => {
      alert.clear();
      clearFieldErrors([memberNumber]);
      if (!isCompleteMemberNumber(memberNumber.value())) {
        showFieldErrors([memberNumber], { memberNumber: fieldMessages.memberNumber });
        return;
      }
      const answer = await whileBusy(form, () => post("/api/franceconnect/link", { memberNumber: memberNumber.value() }));
      if (answer.ok) {
        window.location.assign("/mon-espace.html");
        return;
      }
      showProblem(answer.problem, { alert, fields: [memberNumber], fieldOf: { "member-number-mismatch": "memberNumber" } });
    },
  });
}
