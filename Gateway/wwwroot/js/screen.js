// One screen at a time: its heading takes the focus, so keyboard and screen-reader users
// start reading where the new screen starts, and the tab title says where they are.
import { h, replaceContent } from "./dom.js";

const siteName = "Espace Personnel";

/** Shows a screen in the page's main area. `kicker` is a line above the heading. */
export function showScreen({ title, kicker, heading, content, focus = true }) {
  const main = document.getElementById("contenu");
  const headingElement = h("h1", { tabindex: "-1", class: "screen-heading" }, heading ?? title);
  replaceContent(
    main,
    kicker ? h("p", { class: "kicker" }, kicker) : null,
    headingElement,
    content,
  );
  document.title = `${title} — ${siteName}`;
  if (focus) {
    headingElement.focus();
  }
  return main;
}
