// The French words for each problem `code` the API answers.
import { h } from "./dom.js";
import { frenchDuration } from "./format.js";
import { showFieldErrors } from "./fields.js";

const attemptsLeft = (problem) =>
  typeof problem.attemptsLeft === "number"
    ? ` Il vous reste ${problem.attemptsLeft} essai${problem.attemptsLeft > 1 ? "s" : ""}.`
    : "";

const wait = (problem, fallback) =>
  typeof problem.retryAfterSeconds === "number" ? `dans ${frenchDuration(problem.retryAfterSeconds)}` : fallback;

export const signInLink = () => h("a", { href: "/" }, "Je me connecte à mon compte");
export const lostPasswordLink = () => h("a", { href: "/mot-de-passe-perdu.html" }, "J'ai perdu mon mot de passe ?");

/**
 * The message for a problem answer. `context` tells whose lock or expiry it is:
 * "enrolment", "sign-in", "first-login" or "reset". Returns text, or a node when it carries links.
 */
export function problemMessage(problem, context = "enrolment") {
  switch (problem.code) {
    case "validation":
      return "Certaines informations sont incorrectes. Merci de corriger les champs signalés.";
    case "not-identified":
      return "Nous n'avons pas pu vous identifier avec les informations saisies. Vérifiez votre nom, votre prénom et votre date de naissance, ou contactez-nous aux numéros ci-dessous.";
    case "already-enrolled":
      return h(
        "span",
        {},
        "Vous êtes déjà inscrit. Connectez-vous à votre compte (",
        signInLink(),
        ") ou, si vous l'avez oublié, utilisez « ",
        lostPasswordLink(),
        " ».",
      );
    case "locked":
      return context === "sign-in"
        ? `Votre compte est temporairement bloqué après plusieurs essais infructueux. Vous pourrez réessayer ${wait(problem, "plus tard")}.`
        : `Votre demande est temporairement bloquée après plusieurs essais infructueux. Vous pourrez réessayer ${wait(problem, "dans 24 heures")}, ou contactez-nous aux numéros ci-dessous.`;
    case "rate-limited":
      return `Trop de demandes ont été faites. Merci de réessayer ${wait(problem, "dans quelques instants")}.`;
    case "wrong-step":
      return "Cette étape a déjà été validée : voici l'étape où vous en êtes.";
    case "member-number-mismatch":
      return `Cet identifiant ne correspond pas au compte identifié.${attemptsLeft(problem)}`;
    case "code-mismatch":
      return `Le code saisi est incorrect.${attemptsLeft(problem)}`;
    case "code-expired":
      return `Ce code a expiré${typeof problem.codeLifetimeSeconds === "number" ? ` : il n'est valable que ${frenchDuration(problem.codeLifetimeSeconds)}` : ""}. Demandez un nouveau code ou recommencez la procédure.`;
    case "too-many-codes":
      return typeof problem.retryAfterSeconds === "number"
        ? `Vous avez demandé trop de codes. Vous pourrez en demander un nouveau dans ${frenchDuration(problem.retryAfterSeconds)}.`
        : "Vous avez demandé trop de codes pour cette demande. Merci de recommencer la procédure.";
    case "unknown-enrolment":
    case "enrolment-expired":
      return "Votre demande d'inscription a expiré. Merci de recommencer la procédure.";
    case "enrolment-void":
      return "Votre demande d'inscription n'est plus valable (trop d'essais, ou une demande plus récente a été faite). Merci de recommencer la procédure.";
    case "invalid-credentials":
      return "Identifiant ou mot de passe incorrect.";
    case "unknown-first-login":
    case "first-login-expired":
      return "Votre première connexion a expiré. Merci de vous connecter à nouveau avec le code d'accès provisoire de votre courrier.";
    case "unknown-reset":
    case "reset-expired":
      return "Votre demande de nouveau mot de passe a expiré. Merci de recommencer.";
    case "busy":
      return `Le service est très sollicité en ce moment. Merci de réessayer ${wait(problem, "dans quelques secondes")}.`;
    case "network":
      return "Le service ne répond pas. Vérifiez votre connexion puis réessayez.";
    case "server-error":
      return "Une erreur est survenue de notre côté. Merci de réessayer dans quelques instants.";
    default:
      return problem.title && typeof problem.title === "string"
        ? problem.title
        : "Votre demande n'a pas pu aboutir. Merci de réessayer.";
  }
}

/** Codes after which the journey cannot go on: the member starts again. */
export const isJourneyOver = (code) =>
  ["unknown-enrolment", "enrolment-expired", "enrolment-void"].includes(code);

/**
 * Shows a problem answer on a form: each `errors` entry next to its field, the code's own field
 * when `fieldOf` names one (e.g. a wrong code next to the code), otherwise the message in the alert area.
 */
export function showProblem(problem, { alert, fields = [], context = "enrolment", fieldOf = {} }) {
  const message = problemMessage(problem, context);
  const errors = { ...(problem.errors ?? {}) };
  if (fieldOf[problem.code]) {
    errors[fieldOf[problem.code]] = [message];
  }
  const unclaimed = showFieldErrors(fields, errors);
  if (!fieldOf[problem.code] || !fields.some((field) => field.hasError())) {
    alert.show(unclaimed.length ? unclaimed.join(" ") : message);
  }
}
