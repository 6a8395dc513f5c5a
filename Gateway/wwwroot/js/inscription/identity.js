// Guide §4: "Vous n'êtes pas encore inscrit ?" — who the member is, and their e-mail.
import { post } from "../api.js";
import { h } from "../dom.js";
import { checkboxField, clearFieldErrors, showFieldErrors, textField } from "../fields.js";
import { birthDateMessage, fieldMessages } from "../field-messages.js";
import { formatAsTyped, formatDateTyping, frenchDateToIso } from "../format.js";
import { isEmail, sameEmail } from "../rules.js";
import { kicker, stepScreen } from "./step-screen.js";
import { offerFranceConnect } from "../franceconnect.js";

export function identityScreen(journey, options) {
  const typed = journey.typedIdentity ?? {};
  const lastName = textField({ name: "lastName", label: "Votre nom", autocomplete: "family-name", maxlength: 100, value: typed.lastName, spellcheck: "false" });
  const firstName = textField({ name: "firstName", label: "Votre prénom", autocomplete: "given-name", maxlength: 100, value: typed.firstName, spellcheck: "false" });
  const birthDate = textField({
    name: "birthDate",
    label: "Votre date de naissance",
    hint: "Format : jj/mm/aaaa, par exemple 01/08/1985",
    autocomplete: "bday",
    inputmode: "numeric",
    maxlength: 10,
    value: typed.birthDateText,
    format: (input) => formatAsTyped(input, formatDateTyping),
  });
  const email = textField({ name: "email", label: "Votre e-mail", type: "email", autocomplete: "email", maxlength: 254, value: typed.email });
  const emailConfirmation = textField({ name: "emailConfirmation", label: "Confirmation de votre e-mail", type: "email", autocomplete: "off", maxlength: 254, value: typed.email });
  const newsletter = checkboxField({ name: "newsletter", label: "Je souhaite être informé(e) des actualités et des offres de mon organisme d'assurance par e-mail.", checked: typed.newsletter ?? false });
  const fields = [lastName, firstName, birthDate, email, emailConfirmation, newsletter];

  const { form } = stepScreen(options, {
    title: "Je m'inscris",
    heading: kicker,
    body: [
      h("p", {}, "Inscrivez-vous dès maintenant pour profiter de tous les avantages de votre espace personnel."),
      h("p", { class: "banner" }, "J'opte pour l'inscription classique"),
      h("p", { class: "field-hint" }, "Tous les champs sont obligatoires, sauf la case à cocher."),
      fields.map((field) => field.element),
      privacyNotice(),
    ],
    onBack: () => window.location.assign("/"),
    onSubmit: async (form, alert) => {
      clearFieldErrors(fields);
      alert.clear();
      const isoBirthDate = frenchDateToIso(birthDate.value());
      const errors = {};
      if (!lastName.value()) errors.lastName = fieldMessages.lastName;
      if (!firstName.value()) errors.firstName = fieldMessages.firstName;
      errors.birthDate = birthDateMessage(birthDate.value(), isoBirthDate);
      if (!isEmail(email.value())) errors.email = fieldMessages.email;
      if (!sameEmail(email.value(), emailConfirmation.value())) errors.emailConfirmation = fieldMessages.emailConfirmation;
      if (Object.values(errors).some(Boolean)) {
        showFieldErrors(fields, errors);
        return;
      }

      journey.typedIdentity = {
        lastName: lastName.value(),
        firstName: firstName.value(),
        birthDateText: birthDate.value(),
        email: email.value(),
        newsletter: newsletter.value(),
      };
      await journey.act(form, alert, fields, () => post("/api/enrolments", {
        lastName: lastName.value(),
        firstName: firstName.value(),
        birthDate: isoBirthDate,
        email: email.value(),
        emailConfirmation: emailConfirmation.value(),
        newsletter: newsletter.value(),
      }));
    },
  });
  offerFranceConnect(form);
}

function privacyNotice() {
  return h(
    "div",
    { class: "notice" },
    h("p", {}, "Dans le cadre de ce formulaire, votre organisme d'assurance met en œuvre un traitement de données à caractère personnel ayant pour finalité la gestion de votre espace abonné."),
    h("p", {}, "Les données collectées sont indispensables à ce traitement et sont destinées à ses services concernés, et à ses partenaires le cas échéant."),
    h("p", {}, "Conformément à la loi n°78-17 du 6 janvier 1978 modifiée dite loi Informatique et Libertés, vous disposez d'un droit d'interrogation, d'accès, de rectification de vos données personnelles ainsi que d'un droit d'opposition pour des motifs légitimes au traitement de ces données, que vous pouvez exercer par courrier postal signé accompagné d'une copie d'un titre d'identité."),
  );
}
