// Guide §6: the SMS code (its length and lifetime as the server tells them), with a visible countdown and
// "Renvoyer un code".
import { post } from "../api.js";
import { h } from "../dom.js";
import { codeEntry } from "../code-entry.js";
import { button, clearFieldErrors } from "../fields.js";
import { stepScreen } from "./step-screen.js";

export function codeScreen(journey, options) {
  const url = (path) => `/api/enrolments/${encodeURIComponent(journey.enrolmentId)}/${path}`;
  const entry = codeEntry(journey.view);
  const code = entry.field;
  const resend = button("Renvoyer un code", { kind: "secondary" });
  const restart = button("Recommencer la procédure", { kind: "link" });
  restart.addEventListener("click", () => journey.restart());

  const { form, alert } = stepScreen(options, {
    title: "Code de confirmation SMS",
    heading: "Je finalise la création de mon compte",
    body: [
      h("p", {}, `Je finalise la création de mon compte en saisissant le code de confirmation SMS que je viens de recevoir sur mon téléphone portable${journey.view.maskedPhone ? ` (${journey.view.maskedPhone})` : ""}.`),
      h("p", {}, "Merci de saisir le code dans la zone ci-dessous."),
      entry.elements,
    ],
    onBack: () => journey.back("enter-code"),
    extraActions: [resend],
    onSubmit: (form, alert) => {
      if (entry.isComplete()) {
        journey.act(form, alert, [code], () => post(url("code"), entry.body()), entry.problemOptions);
      }
    },
  });
  form.append(h("p", { class: "restart" }, restart));

  journey.onLeave(entry.start());

  resend.addEventListener("click", () => {
    clearFieldErrors([code]);
    journey.act(form, alert, [code], () => post(url("code/resend"), {}), {
      successNotice: "Un nouveau code vient de vous être envoyé par SMS. Le précédent n'est plus valable.",
    });
  });
}
