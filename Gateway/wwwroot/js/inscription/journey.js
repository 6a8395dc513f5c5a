// The enrolment journey in the browser: the shared flow (flow.js) with what is the enrolment's own —
// the identity the server sends nested, where "Retour" leads after a reload, and a way to start again
// when a choice already made cannot be undone.
import { h } from "../dom.js";
import { Flow } from "../flow.js";
import { isJourneyOver, problemMessage } from "../messages.js";
import { enrolmentStore } from "../storage.js";

/** Where "Retour" leads from each step when the member did not come through it in this tab. */
const previousOf = {
  "confirm-identity": "identity",
  "confirm-phone": "confirm-identity",
  "choose-channel": "confirm-identity",
  "enter-phone": "choose-channel",
  "member-number": "choose-channel",
  "enter-code": "member-number",
};

/** A journey from FranceConnect has no phone or channel: its member number follows the identity. */
const previousFromFranceConnect = { ...previousOf, "member-number": "confirm-identity" };

export class Journey extends Flow {
  /**
   * @param screens step name → function(journey, options) that shows it.
   * @param viaFranceConnect the journey FranceConnect opened (no identity form).
   */
  constructor(screens, { viaFranceConnect = false } = {}) {
    super({
      screens,
      first: "identity",
      ends: ["completed", "letter-sent"],
      api: "/api/enrolments",
      idKey: "enrolmentId",
      store: enrolmentStore,
      context: "enrolment",
      overCodes: ["unknown-enrolment", "enrolment-expired", "enrolment-void"],
      overMessage: (problem) =>
        problemMessage({ ...problem, code: isJourneyOver(problem.code) ? problem.code : "enrolment-expired" }),
    });
    this.typedIdentity = null;
    this.previousOf = viaFranceConnect ? previousFromFranceConnect : previousOf;
  }

  get enrolmentId() {
    return this.id;
  }

  read(data) {
    const identity = data.identity ?? {};
    return {
      enrolmentId: data.enrolmentId,
      step: data.step,
      fullName: identity.fullName ?? data.fullName,
      address: identity.address ?? data.address,
      maskedPhone: data.maskedPhone,
      codeExpiresAt: data.codeExpiresAt,
      codeLength: data.codeLength,
    };
  }

  previousStep(currentStep, seen) {
    const previous = seen ?? this.previousOf[currentStep] ?? "identity";
    // The server shows name and address only while they are being confirmed: after a reload, start over.
    return previous === "confirm-identity" && !this.view.fullName ? "identity" : previous;
  }

  /** A choice already made cannot be undone step by step: say so, and offer to start again. */
  wrongStepNotice(message) {
    const restart = h("button", { type: "button", class: "button button--link", onclick: () => this.restart() }, "Recommencer l'inscription");
    return h("span", {}, `${message} Pour changer vos choix : `, restart);
  }
}
