// The enrolment journey in the browser: which screen shows, what the server said last,
// and how an answer (success or problem) moves the member on. The server decides the step;
// the page only follows it, so that a reload (GET /api/enrolments/{id}) lands on the same screen.
import { get } from "../api.js";
import { h } from "../dom.js";
import { whileBusy } from "../fields.js";
import { isJourneyOver, problemMessage, showProblem } from "../messages.js";
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

export class Journey {
  /** @param screens step name → function(journey, options) that shows it. */
  constructor(screens) {
    this.screens = screens;
    this.view = {};
    this.history = [];
    this.typedIdentity = null;
    this.cleanups = [];
  }

  get enrolmentId() {
    return this.view.enrolmentId ?? null;
  }

  /** On page load: back to the step the server holds for this tab's journey, or the identity form. */
  async resume() {
    const saved = enrolmentStore.load();
    if (!saved?.enrolmentId) {
      this.show("identity", { focus: false });
      return;
    }
    const answer = await get(`/api/enrolments/${encodeURIComponent(saved.enrolmentId)}`);
    if (answer.ok) {
      this.adopt({ enrolmentId: saved.enrolmentId, ...answer.data });
      this.show(answer.data.step, { focus: false });
      return;
    }
    if (answer.problem.code === "network" || answer.problem.code === "server-error") {
      this.show("identity", { focus: false, notice: problemMessage(answer.problem) });
      return;
    }
    this.restart(problemMessage({ ...answer.problem, code: isJourneyOver(answer.problem.code) ? answer.problem.code : "enrolment-expired" }), false);
  }

  /** Keeps what the server told about the journey; later answers add to earlier ones. */
  adopt(data) {
    const identity = data.identity ?? {};
    this.view = {
      ...this.view,
      ...definedOnly({
        enrolmentId: data.enrolmentId,
        step: data.step,
        fullName: identity.fullName ?? data.fullName,
        address: identity.address ?? data.address,
        maskedPhone: data.maskedPhone,
        codeExpiresAt: data.codeExpiresAt,
        codeLength: data.codeLength,
      }),
    };
    if (this.view.enrolmentId) {
      enrolmentStore.save({ enrolmentId: this.view.enrolmentId });
    }
  }

  /** Shows a screen. `notice` is a message shown at its top (e.g. why the member is here). */
  show(step, { focus = true, notice = null, noticeKind = "error", back = false } = {}) {
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    const screen = this.screens[step] ?? this.screens.identity;
    if (!back && this.history.at(-1) !== step) {
      this.history.push(step);
    }
    if (step === "completed" || step === "letter-sent") {
      // The journey is over: a later visit to this page starts a new one.
      enrolmentStore.clear();
    }
    screen(this, { focus, notice, noticeKind });
  }

  /** "Retour": the screen before this one, as the member saw it, or the one before in the guide. */
  back(currentStep) {
    const index = this.history.lastIndexOf(currentStep);
    let previous = index > 0 ? this.history[index - 1] : previousOf[currentStep] ?? "identity";
    if (previous === "confirm-identity" && !this.view.fullName) {
      // The server shows name and address only while they are being confirmed: after a reload, start over.
      previous = "identity";
    }
    this.history = index > 0 ? this.history.slice(0, index) : [previous];
    this.show(previous, { back: true });
  }

  /** Forgets this journey and shows the identity form (still holding what was typed in this tab), with why. */
  restart(notice = null, focus = true) {
    enrolmentStore.clear();
    this.view = {};
    this.history = [];
    this.show("identity", { focus, notice });
  }

  /** Runs a timer or listener that must stop when the screen changes. */
  onLeave(cleanup) {
    this.cleanups.push(cleanup);
  }

  /**
   * Sends one step and follows the answer: the next screen on success; on a problem, errors next to
   * their fields and a message in the form's alert area, or the current step when the server says so.
   * `fieldOf` puts a problem code's message next to a field; `facts` are what the page knows that the
   * message may tell (e.g. the code's lifetime); `successNotice` tops the next screen.
   * Returns the problem (or null) so that a screen can add to it.
   */
  async act(form, alert, fields, call, { fieldOf = {}, facts = {}, successNotice = null } = {}) {
    alert.clear();
    const answer = await whileBusy(form, call);
    if (answer.ok) {
      this.adopt(answer.data);
      this.show(answer.data.step, { notice: successNotice, noticeKind: "info" });
      return null;
    }

    const problem = { ...facts, ...answer.problem };
    const message = problemMessage(problem, "enrolment");
    if (problem.code === "wrong-step" && problem.step) {
      // A choice already made cannot be undone step by step: say so, and offer to start again.
      const restart = h("button", { type: "button", class: "button button--link", onclick: () => this.restart() }, "Recommencer l'inscription");
      this.show(problem.step, { notice: h("span", {}, `${message} Pour changer vos choix : `, restart), noticeKind: "info" });
      return problem;
    }
    if (isJourneyOver(problem.code)) {
      this.restart(message);
      return problem;
    }

    showProblem(problem, { alert, fields, fieldOf });
    return problem;
  }
}

function definedOnly(values) {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null));
}
