// Development only: what the service "sent" by SMS and by letter, read from the dev outbox API,
// so that someone trying the product locally can finish a journey. Outside Development the API answers 404.
import { get } from "./api.js";
import { h, replaceContent } from "./dom.js";
import { formatAsTyped, formatMemberNumber } from "./format.js";
import { normaliseFrenchMobile } from "./rules.js";
import { problemMessage } from "./messages.js";

/** Wires both forms, and opens the inbox on the recipient the address names. */
export function start() {
  const smsInput = document.getElementById("sms-numero");
  const letterInput = document.getElementById("courriers-identifiant");
  formatAsTyped(letterInput, formatMemberNumber);

  wire("sms-form", smsInput, "sms-liste", (value) => `/dev/outbox/sms?to=${encodeURIComponent(normaliseFrenchMobile(value))}`, smsItem, "Aucun SMS envoyé à ce numéro.");
  wire("courriers-form", letterInput, "courriers-liste", (value) => `/dev/outbox/letters?memberNumber=${encodeURIComponent(value.replace(/\D/g, ""))}`, letterItem, "Aucun courrier envoyé à cet identifiant.");

  // "?to=0639983708" or "?memberNumber=1234567890" opens the inbox on that recipient.
  const query = new URLSearchParams(window.location.search);
  if (query.get("to")) submitWith("sms-form", smsInput, query.get("to"));
  if (query.get("memberNumber")) submitWith("courriers-form", letterInput, formatMemberNumber(query.get("memberNumber")));
}

function submitWith(formId, input, value) {
  input.value = value;
  document.getElementById(formId).requestSubmit();
}

function wire(formId, input, listId, urlOf, itemOf, emptyText) {
  const alert = document.getElementById("boite-alerte");
  const list = document.getElementById(listId);
  document.getElementById(formId).addEventListener("submit", async (event) => {
    event.preventDefault();
    replaceContent(alert);
    alert.className = "alert";
    if (!input.value.trim()) {
      input.focus();
      return;
    }
    const answer = await get(urlOf(input.value));
    if (!answer.ok) {
      alert.className = "alert alert--error";
      replaceContent(alert, h("p", {}, answer.status === 404
        ? "La boîte de réception n'est disponible qu'en environnement de développement."
        : problemMessage(answer.problem)));
      replaceContent(list);
      return;
    }
    const items = Array.isArray(answer.data) ? answer.data : answer.data.items ?? [];
    replaceContent(list, items.length
      ? h("ol", { class: "inbox" }, items.map(itemOf))
      : h("p", {}, emptyText));
  });
}

const sentAt = (value) => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString("fr-FR");
};

function smsItem(sms) {
  // The code is the first run of four digits or more (the lifetime that follows it counts minutes).
  const code = /\b\d{4,}\b/.exec(sms.text ?? "")?.[0];
  return h(
    "li",
    { class: "inbox__item" },
    h("p", { class: "inbox__meta" }, `À ${sms.to ?? ""} — ${sentAt(sms.sentAt)}`),
    h("p", { class: "inbox__text" }, sms.text ?? ""),
    code ? h("p", {}, "Code : ", h("strong", { class: "inbox__code" }, code)) : null,
  );
}

function letterItem(letter) {
  // The letter sets the provisional access code apart on a line of its own, indented.
  const code = /^[ \t]+(\S+)[ \t]*$/m.exec(letter.text ?? "")?.[1];
  return h(
    "li",
    { class: "inbox__item" },
    h("p", { class: "inbox__meta" }, `À ${letter.recipientName ?? ""}, ${letter.address ?? ""} — ${sentAt(letter.sentAt)}`),
    code ? h("p", {}, "Code d'accès provisoire : ", h("strong", { class: "inbox__code" }, code)) : null,
    h("p", { class: "inbox__text" }, letter.text ?? ""),
  );
}
