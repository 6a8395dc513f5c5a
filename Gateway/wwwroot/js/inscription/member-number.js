// Guide §5: "Merci de saisir votre identifiant" — the member number, formatted XXXXXXXX.XX as typed.
import { post } from "../api.js";
import { clearFieldErrors, showFieldErrors, textField } from "../fields.js";
import { fieldMessages } from "../field-messages.js";
import { formatAsTyped, formatMemberNumber } from "../format.js";
import { isCompleteMemberNumber } from "../rules.js";
import { stepScreen } from "./step-screen.js";

export const memberNumberHelp =
  "Il s'agit de votre numéro d'adhérent indiqué dans tous nos courriers dans la rubrique « Vos références ». Vous le trouvez également sur votre carte de tiers payant ou sur votre titre de retraite.";

export function memberNumberScreen(journey, options) {
  const memberNumber = textField({
    name: "memberNumber",
    label: "Identifiant",
    hint: `Format : XXXXXXXX.XX (10 chiffres). ${memberNumberHelp}`,
    inputmode: "numeric",
    autocomplete: "off",
    maxlength: 14,
    format: (input) => formatAsTyped(input, formatMemberNumber),
  });
  stepScreen(options, {
    title: "Merci de saisir votre identifiant",
    heading: "Merci de saisir votre identifiant",
    body: [memberNumber.element],
    onBack: () => journey.back("member-number"),
    onSubmit: (form, alert) => {
      clearFieldErrors([memberNumber]);
      if (!isCompleteMemberNumber(memberNumber.value())) {
        showFieldErrors([memberNumber], { memberNumber: fieldMessages.memberNumber });
        return;
      }
      journey.act(form, alert, [memberNumber],
        () => post(`/api/enrolments/${encodeURIComponent(journey.enrolmentId)}/member-number`, { memberNumber: memberNumber.value() }),
        { fieldOf: { "member-number-mismatch": "memberNumber" } });
    },
  });
}
