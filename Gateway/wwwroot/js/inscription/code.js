// Guide §6: the 6-digit SMS code, valid 5 minutes, with a visible countdown and "Renvoyer un code".
import { post } from "../api.js";
import { h } from "../dom.js";
import { button, clearFieldErrors, showFieldErrors, textField } from "../fields.js";
import { Countdown } from "../countdown.js";
import { stepScreen } from "./step-screen.js";

export function codeScreen(journey, options) {
  const url = (path) => `/api/enrolments/${encodeURIComponent(journey.enrolmentId)}/${path}`;
  const code = textField({ name: "code", label: "Code de confirmation SMS", hint: "6 chiffres", inputmode: "numeric", autocomplete: "one-time-code", maxlength: 6 });
  const countdown = new Countdown();
  const resend = button("Renvoyer un code", { kind: "secondary" });
  const restart = button("Recommencer la procédure", { kind: "link" });
  restart.addEventListener("click", () => journey.restart());

  const { form, alert } = stepScreen(options, {
    title: "Code de confirmation SMS",
    heading: "Je finalise la création de mon compte",
    body: [
      h("p", {}, `Je finalise la création de mon compte en saisissant le code de confirmation SMS que je viens de recevoir sur mon téléphone portable${journey.view.maskedPhone ? ` (${journey.view.maskedPhone})` : ""}.`),
      h("p", {}, "Merci de saisir le code dans la zone ci-dessous."),
      h("p", { class: "warning" }, "Attention, ce code n'est valable que 5 minutes. Au-delà vous devrez recommencer la procédure sur le site."),
      countdown.element,
      code.element,
    ],
    onBack: () => journey.back("enter-code"),
    extraActions: [resend],
    onSubmit: (form, alert) => {
      clearFieldErrors([code]);
      if (!/^\d{6}$/.test(code.value())) {
        showFieldErrors([code], { code: "Saisissez les 6 chiffres du code reçu par SMS." });
        return;
      }
      journey.act(form, alert, [code], () => post(url("code"), { code: code.value() }),
        { fieldOf: { "code-mismatch": "code", "code-expired": "code" } });
    },
  });
  form.append(h("p", { class: "restart" }, restart));

  countdown.start(journey.view.codeExpiresAt);
  journey.onLeave(() => countdown.stop());

  resend.addEventListener("click", () => {
    clearFieldErrors([code]);
    journey.act(form, alert, [code], () => post(url("code/resend"), {}), {
      successNotice: "Un nouveau code vient de vous être envoyé par SMS. Le précédent n'est plus valable.",
    });
  });
}
