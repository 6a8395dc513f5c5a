// The frame of a screen with a form: a heading that takes the focus, an announced alert area
// (holding the screen's notice, if any), the fields, then the buttons ("Retour" first, the main action last).
import { h } from "./dom.js";
import { alertArea, announce, button } from "./fields.js";
import { showScreen } from "./screen.js";

/**
 * `options`: { focus, notice, noticeKind } — how the screen is shown.
 * `submitLabel` names the main action (a submit button, so Enter in a field sends it);
 * `onBack` adds "Retour"; `onSubmit(form, alert)` runs on submit; `intro` comes between the heading and the
 * form; `id` names the form (and its alert area, `${id}-alerte`).
 */
export function formScreen(options, { id = null, title, kicker, heading, intro, body, submitLabel = "Valider", onBack, onSubmit, extraActions = [] }) {
  const alert = alertArea(id ? `${id}-alerte` : null);
  if (options.notice) {
    alert.show(options.notice, options.noticeKind ?? "error");
  }
  const form = h(
    "form",
    { id, class: "card", novalidate: true },
    alert.element,
    body,
    h(
      "div",
      { class: "actions" },
      onBack ? button("Retour", { kind: "secondary", onclick: onBack }) : null,
      extraActions,
      submitLabel ? button(submitLabel, { type: "submit" }) : null,
    ),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit?.(form, alert);
  });
  showScreen({ title, kicker, heading: heading ?? title, content: [intro, form], focus: options.focus ?? true });
  if (options.notice && (options.focus ?? true)) {
    announce(typeof options.notice === "string" ? options.notice : options.notice.textContent);
  }
  return { form, alert };
}
