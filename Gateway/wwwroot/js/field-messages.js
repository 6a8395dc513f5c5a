// What the page says next to a field it refuses before sending: one table, so a rule has one wording.
export const fieldMessages = {
  lastName: "Saisissez votre nom.",
  firstName: "Saisissez votre prénom.",
  birthDateMissing: "Saisissez votre date de naissance au format jj/mm/aaaa.",
  birthDateInvalid: "Cette date n'est pas valide : saisissez-la au format jj/mm/aaaa, par exemple 01/08/1985.",
  email: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
  emailConfirmation: "La confirmation ne correspond pas à l'adresse e-mail saisie.",
  phone: "Saisissez un numéro de portable français : 10 chiffres commençant par 06 ou 07.",
  phoneConfirmation: "La confirmation ne correspond pas au numéro saisi.",
  channel: "Choisissez SMS ou Courrier papier.",
  memberNumber: "Saisissez votre identifiant : 10 chiffres au format XXXXXXXX.XX.",
  secret: "Saisissez votre mot de passe ou votre code d'accès provisoire.",
  passwordRules: "Votre mot de passe ne respecte pas encore toutes les règles ci-dessous.",
  code: (length) => `Saisissez les ${length} chiffres du code reçu par SMS.`,
};

/** The birth date's message, or null when it is a real date (`iso` is what frenchDateToIso made of it). */
export const birthDateMessage = (typed, iso) =>
  !typed ? fieldMessages.birthDateMissing : iso ? null : fieldMessages.birthDateInvalid;
