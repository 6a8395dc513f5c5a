// "Code valable encore 4:32": counts down to the instant the server gave, on the server's clock.
// Screen readers hear it only at one minute left and at the end, not every second.
import { h } from "./dom.js";
import { announce } from "./fields.js";
import { serverNow } from "./api.js";
import { clockDuration } from "./format.js";

export class Countdown {
  constructor() {
    this.time = h("strong", {});
    this.text = h("span", {}, "Code valable encore ");
    this.element = h("p", { class: "countdown", role: "timer", "aria-live": "off" }, this.text, this.time);
    this.element.hidden = true;
    this.timer = null;
  }

  start(expiresAt) {
    this.stop();
    const end = Date.parse(expiresAt ?? "");
    if (!Number.isFinite(end)) {
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    this.element.classList.remove("countdown--over");
    this.text.textContent = "Code valable encore ";
    let warned = (end - serverNow()) / 1000 <= 60;
    const tick = () => {
      const secondsLeft = (end - serverNow()) / 1000;
      if (secondsLeft <= 0) {
        this.stop();
        this.element.classList.add("countdown--over");
        this.text.textContent = "Ce code a expiré. Demandez un nouveau code ou recommencez la procédure.";
        this.time.textContent = "";
        announce(this.text.textContent);
        return;
      }
      this.time.textContent = clockDuration(Math.ceil(secondsLeft));
      if (!warned && secondsLeft <= 60) {
        warned = true;
        announce("Il reste moins d'une minute pour saisir le code.");
      }
    };
    tick();
    this.timer = window.setInterval(tick, 1000);
  }

  stop() {
    if (this.timer !== null) {
      window.clearInterval(this.timer);
      this.timer = null;
    }
  }
}
