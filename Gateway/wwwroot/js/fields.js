// Labelled fields whose hints and errors are tied to them (aria-describedby, aria-invalid),
// and the alert area of a form, announced by screen readers.
import { h, replaceContent, uniqueId } from "./dom.js";

/**
 * A labelled input with an optional hint and a place for its error. `labelAside` sits beside the label
 * (e.g. a "?" button), `details` under the hint, `after` under the error (e.g. a link).
 */
export function textField({ name, label, hint, type = "text", autocomplete, inputmode, maxlength, value, format, spellcheck, labelAside, details, after }) {
  const id = uniqueId(name);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const input = h("input", {
    id,
    name,
    type,
    autocomplete,
    inputmode,
    maxlength,
    spellcheck,
    autocapitalize: type === "email" || type === "password" ? "off" : null,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" "),
  });
  if (value) input.value = value;
  if (format) format(input);
  const error = h("p", { id: errorId, class: "field-error" });
  const element = h(
    "div",
    { class: "field" },
    labelAside ? h("div", { class: "label-row" }, h("label", { for: id }, label), labelAside) : h("label", { for: id }, label),
    hint ? h("p", { id: hintId, class: "field-hint" }, hint) : null,
    details,
    input,
    error,
    after,
  );
  return fieldApi({ name, label, element, input, error, focusTarget: input });
}

/** A checkbox with its label to the right. */
export function checkboxField({ name, label, checked = false }) {
  const id = uniqueId(name);
  const errorId = `${id}-error`;
  const input = h("input", { id, name, type: "checkbox", "aria-describedby": errorId });
  input.checked = checked;
  const error = h("p", { id: errorId, class: "field-error" });
  const element = h("div", { class: "field field--checkbox" }, input, h("label", { for: id }, label), error);
  return fieldApi({ name, label, element, input, error, focusTarget: input });
}

/** Radio buttons in a fieldset whose legend names the choice. */
export function radioGroup({ name, legend, options }) {
  const errorId = uniqueId(`${name}-error`);
  const error = h("p", { id: errorId, class: "field-error" });
  const radios = options.map((option) => {
    const id = uniqueId(`${name}-${option.value}`);
    const input = h("input", { id, name, type: "radio", value: option.value, "aria-describedby": errorId });
    return { input, element: h("div", { class: "choice" }, input, h("label", { for: id }, option.label)) };
  });
  const element = h(
    "fieldset",
    { class: "field field--choices" },
    h("legend", {}, legend),
    radios.map((radio) => radio.element),
    error,
  );
  const api = fieldApi({ name, label: typeof legend === "string" ? legend : name, element, error, focusTarget: radios[0].input });
  api.value = () => radios.find((radio) => radio.input.checked)?.input.value ?? null;
  api.setInvalid = (invalid) => radios.forEach((radio) => toggleInvalid(radio.input, invalid));
  return api;
}

function fieldApi({ name, label, element, input, error, focusTarget }) {
  const api = {
    name,
    label,
    element,
    input,
    value: () => (input.type === "checkbox" ? input.checked : input.value.trim()),
    setInvalid: (invalid) => toggleInvalid(input, invalid),
    focus: () => focusTarget.focus(),
    setError(message) {
      error.textContent = message ?? "";
      api.setInvalid(Boolean(message));
    },
    hasError: () => error.textContent !== "",
    errorText: () => error.textContent,
  };
  return api;
}

function toggleInvalid(input, invalid) {
  if (invalid) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

/**
 * The form's announced message area. `show` accepts text or nodes (e.g. a message with links).
 * It is a live region present from the start, so that its content is read out when it changes.
 */
export function alertArea(id = null) {
  const element = h("div", { id, class: "alert", "aria-live": "assertive", "aria-atomic": "true" });
  return {
    element,
    show(content, kind = "error") {
      element.className = `alert alert--${kind}`;
      replaceContent(element, h("p", {}, content));
    },
    clear() {
      element.className = "alert";
      element.replaceChildren();
    },
  };
}

/**
 * Puts each message next to its field (problem `errors` are keyed by field name, any case)
 * and returns the messages no field claims, for the form's alert area.
 */
export function showFieldErrors(fields, errors) {
  const unclaimed = [];
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const text = [messages].flat().filter(Boolean).join(" ");
    const field = fields.find((candidate) => candidate.name.toLowerCase() === key.toLowerCase());
    if (field) field.setError(text);
    else if (text) unclaimed.push(text);
  }
  const invalid = fields.filter((field) => field.hasError());
  if (invalid.length) {
    announce(invalid.map((field) => `${field.label} : ${field.errorText()}`).join(" "));
    invalid[0].focus();
  }
  return unclaimed;
}

let announcer = null;

/** Puts the page's announcer in place; called at the page's start, as screen readers only watch live regions they already know. */
export function startAnnouncer() {
  announcer ??= h("div", { class: "visually-hidden", "aria-live": "assertive", "aria-atomic": "true", id: "annonces" });
  (document.querySelector("footer") ?? document.body).append(announcer);
}

/**
 * Reads a message out to screen-reader users without moving the focus,
 * even when the same words come twice (e.g. a second wrong code).
 */
export function announce(text) {
  if (!announcer) startAnnouncer();
  announcer.textContent = "";
  window.setTimeout(() => { announcer.textContent = text; }, 50);
}

export function clearFieldErrors(fields) {
  fields.forEach((field) => field.setError(""));
}

/** A button; "primary" for the step's main action, "secondary" for Retour and the like. */
export function button(label, { kind = "primary", type = "button", onclick } = {}) {
  return h("button", { type, class: `button button--${kind}`, onclick }, label);
}

/** Runs one request with the submit buttons disabled, so a double click sends it once. */
export async function whileBusy(form, work) {
  const buttons = [...form.querySelectorAll("button")];
  buttons.forEach((b) => { b.disabled = true; });
  form.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
    form.removeAttribute("aria-busy");
  }
}
