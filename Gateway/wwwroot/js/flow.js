// A journey the server leads, one screen per step (the enrolment wizard, the lost password): which screen
// shows, what the server said last, and how an answer (success or problem) moves the member on. The page
// only follows the server's step, so that a reload (GET of the journey) lands on the same screen; the tab
// keeps only the journey's opaque id.
import { get } from "./api.js";
import { whileBusy } from "./fields.js";
import { problemMessage, showProblem } from "./messages.js";

export class Flow {
  /**
   * `screens`: step name → function(flow, options) that shows it; `first`: the step a new journey starts on;
   * `ends`: steps after which a later visit starts afresh; `api`: the journeys' address ("/api/enrolments");
   * `idKey`: the id's name in the answers; `store`: where the id survives a reload; `context`: whose journey
   * it is, for the messages; `overCodes`: problems after which the member starts again, told by `overMessage`.
   */
  constructor({ screens, first, ends, api, idKey, store, context, overCodes, overMessage }) {
    Object.assign(this, { screens, first, ends, api, idKey, store, context, overCodes, overMessage });
    this.view = {};
    this.history = [];
    this.cleanups = [];
  }

  get id() {
    return this.view[this.idKey] ?? null;
  }

  /** The address of one of this journey's steps, e.g. url("code"). */
  url(path) {
    return `${this.api}/${encodeURIComponent(this.id ?? "")}/${path}`;
  }

  /** On page load: back to the step the server holds for this tab's journey, or the first screen. */
  async resume() {
    const id = this.store.load()?.[this.idKey];
    if (!id) {
      this.show(this.first, { focus: false });
      return;
    }
    const answer = await get(`${this.api}/${encodeURIComponent(id)}`);
    if (answer.ok) {
      this.adopt({ [this.idKey]: id, ...answer.data });
      this.show(answer.data.step, { focus: false });
      return;
    }
    if (answer.problem.code === "network" || answer.problem.code === "server-error") {
      this.show(this.first, { focus: false, notice: problemMessage(answer.problem, this.context) });
      return;
    }
    this.restart(this.overMessage(answer.problem), false);
  }

  /** Keeps what the server told about the journey; later answers add to earlier ones. */
  adopt(data) {
    this.view = { ...this.view, ...definedOnly(this.read(data)) };
    if (this.id) {
      this.store.save({ [this.idKey]: this.id });
    }
  }

  /** What of an answer the screens use; a journey whose answers nest facts flattens them here. */
  read(data) {
    return data;
  }

  /** Shows a screen. `notice` is a message shown at its top (e.g. why the member is here). */
  show(step, { focus = true, notice = null, noticeKind = "error", back = false } = {}) {
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
    const known = step in this.screens;
    const shown = known ? step : this.first;
    if (!back && this.history.at(-1) !== shown) {
      this.history.push(shown);
    }
    if (this.ends.includes(shown)) {
      this.store.clear();
    }
    this.screens[shown](this, { focus, notice, noticeKind });
  }

  /** "Retour": the screen before this one, as the member saw it, or as `previousStep` decides. */
  back(currentStep) {
    const index = this.history.lastIndexOf(currentStep);
    const previous = this.previousStep(currentStep, index > 0 ? this.history[index - 1] : null);
    this.history = index > 0 ? this.history.slice(0, index) : [previous];
    this.show(previous, { back: true });
  }

  /** Where "Retour" leads: the screen seen before in this tab (`seen`), else the first. */
  previousStep(_currentStep, seen) {
    return seen ?? this.first;
  }

  /** Forgets this journey and shows the first screen, with why. */
  restart(notice = null, focus = true) {
    this.store.clear();
    this.view = {};
    this.history = [];
    this.show(this.first, { focus, notice });
  }

  /** Runs a timer or listener that must stop when the screen changes. */
  onLeave(cleanup) {
    this.cleanups.push(cleanup);
  }

  /** The notice for a step already passed; a journey can offer a way out with it. */
  wrongStepNotice(message) {
    return message;
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
    const message = problemMessage(problem, this.context);
    if (problem.code === "wrong-step" && problem.step) {
      this.show(problem.step, { notice: this.wrongStepNotice(message), noticeKind: "info" });
    } else if (this.overCodes.includes(problem.code)) {
      this.restart(this.overMessage(problem));
    } else {
      showProblem(problem, { alert, fields, context: this.context, fieldOf });
    }
    return problem;
  }
}

function definedOnly(values) {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null));
}
