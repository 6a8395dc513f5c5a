// The frame of every page: the red "Espace Personnel — Mon espace particulier" header, the skip link,
// and the footer with the help numbers of the guide's last section. Pages hold empty <header> and <footer>.
import { get } from "./api.js";
import { h } from "./dom.js";
import { startAnnouncer } from "./fields.js";

/** Builds the header and the footer, then the announcer that screen readers watch from the start. */
export function startLayout() {
  const header = document.querySelector("header.site-header");
  header?.before(h("a", { class: "skip-link", href: "#contenu" }, "Aller au contenu"));
  header?.append(h(
    "div",
    { class: "site-header__inner" },
    h(
      "a",
      { class: "site-header__home", href: "/" },
      h("span", { class: "site-header__title" }, "Espace Personnel"),
      " ",
      h("span", { class: "site-header__subtitle" }, "Mon espace particulier"),
    ),
  ));

  const devInboxLink = h("p", { hidden: true }, h("a", { href: "/dev-inbox.html" }, "Boîte de réception (dev)"));
  document.querySelector("footer.site-footer")?.prepend(
    h("h2", {}, "Des difficultés pour vous abonner à votre espace personnalisé ?"),
    h("p", {}, "Si vous êtes adhérent à Audiens Santé Prévoyance contactez le ", h("a", { href: "tel:+33173173535" }, "0 173 173 535")),
    h("p", {}, "Sinon contactez le ", h("a", { href: "tel:+33173173500" }, "0 173 173 500")),
    devInboxLink,
  );

  // The development inbox exists only where the server offers it (Development); elsewhere its API answers 404.
  get("/dev/outbox/sms?to=0600000000").then((answer) => {
    devInboxLink.hidden = !answer.ok;
  });
  startAnnouncer();
}
