// Guide §5–6: the mobile on file (masked), the channel choice, and a new mobile with the Bloctel notice.
import { post } from "../api.js";
import { h } from "../dom.js";
import { button, checkboxField, clearFieldErrors, radioGroup, showFieldErrors, textField } from "../fields.js";
import { fieldMessages } from "../field-messages.js";
import { isFrenchMobile, sameMobile } from "../rules.js";
import { stepScreen } from "./step-screen.js";

const stepUrl = (journey, path) => `/api/enrolments/${encodeURIComponent(journey.enrolmentId)}/${path}`;

export function phoneConfirmationScreen(journey, options) {
  const answer = (isMine) => (form, alert) =>
    journey.act(form, alert, [], () => post(stepUrl(journey, "phone-confirmation"), { isMine }));
  let notMine;
  const { form, alert } = stepScreen(options, {
    title: "Votre numéro de téléphone portable",
    heading: "Votre numéro de téléphone portable",
    body: [
      h("p", {}, "Pour finaliser la création de votre compte, nous allons vous envoyer un code de confirmation par SMS sur le numéro de téléphone portable ci-dessous :"),
      h("h2", { class: "section-title" }, "Vos informations"),
      h("dl", { class: "facts" }, h("div", {}, h("dt", {}, "Votre numéro de téléphone portable"), h("dd", { class: "masked-phone" }, journey.view.maskedPhone ?? ""))),
    ],
    submitLabel: "C'est bien mon numéro de téléphone",
    extraActions: [(notMine = button("Ce n'est pas mon numéro de téléphone", { kind: "secondary" }))],
    onSubmit: (form, alert) => answer(true)(form, alert),
  });
  notMine.addEventListener("click", () => answer(false)(form, alert));
}

export function channelScreen(journey, options) {
  const channel = radioGroup({
    name: "channel",
    legend: "Je souhaite recevoir mon code de confirmation par :",
    options: [
      { value: "sms", label: "SMS" },
      { value: "letter", label: "Courrier papier" },
    ],
  });
  stepScreen(options, {
    title: "Choix du canal pour finaliser l'abonnement",
    heading: "Choix du canal pour finaliser l'abonnement",
    body: [
      h("p", {}, "Choisissez comment recevoir votre code : par SMS sur votre téléphone portable, ou par courrier à votre adresse postale."),
      channel.element,
    ],
    onBack: () => journey.back("choose-channel"),
    onSubmit: (form, alert) => {
      clearFieldErrors([channel]);
      if (!channel.value()) {
        showFieldErrors([channel], { channel: fieldMessages.channel });
        return;
      }
      journey.act(form, alert, [channel], () => post(stepUrl(journey, "channel"), { channel: channel.value() }));
    },
  });
}

export function newPhoneScreen(journey, options) {
  const phone = textField({ name: "phone", label: "N° de portable", hint: "Format : 06 12 34 56 78", type: "tel", autocomplete: "tel-national", inputmode: "tel", maxlength: 20 });
  const phoneConfirmation = textField({ name: "phoneConfirmation", label: "Confirmation téléphone portable", hint: "Saisissez le même numéro une seconde fois.", type: "tel", autocomplete: "off", inputmode: "tel", maxlength: 20 });
  const optOut = checkboxField({ name: "phoneMarketingOptOut", label: "Je ne souhaite pas être informé(e) des actualités et des offres de mon organisme d'assurance par téléphone." });
  const fields = [phone, phoneConfirmation, optOut];
  stepScreen(options, {
    title: "Votre numéro de portable",
    heading: "Votre numéro de portable",
    body: [
      h("p", {}, "Si vous disposez d'un portable français, numéro sur 10 chiffres commençant par 06 ou 07, merci de le saisir dans la zone ci-dessous."),
      fields.map((field) => field.element),
      h(
        "p",
        { class: "notice" },
        "Conformément à la loi n°2014-344, vous disposez du droit de vous inscrire sur la liste d'opposition au démarchage téléphonique nommée Bloctel. Le cas échéant, vous ne ferez plus l'objet de prospection commerciale par voie téléphonique. Pour plus d'informations, connectez-vous au site : ",
        h("a", { href: "https://www.bloctel.gouv.fr", rel: "noopener noreferrer" }, "www.bloctel.gouv.fr"),
      ),
    ],
    onBack: () => journey.back("enter-phone"),
    onSubmit: (form, alert) => {
      clearFieldErrors(fields);
      const errors = {};
      if (!isFrenchMobile(phone.value())) errors.phone = fieldMessages.phone;
      if (!sameMobile(phone.value(), phoneConfirmation.value())) errors.phoneConfirmation = fieldMessages.phoneConfirmation;
      if (Object.keys(errors).length) {
        showFieldErrors(fields, errors);
        return;
      }
      journey.act(form, alert, fields, () => post(stepUrl(journey, "phone"), {
        phone: phone.value(),
        phoneConfirmation: phoneConfirmation.value(),
        phoneMarketingOptOut: optOut.value(),
      }));
    },
  });
}
