// "Mon espace": who is signed in, and "Se déconnecter".
import { del, get } from "./api.js";
import { h } from "./dom.js";
import { button } from "./fields.js";
import { formatMemberNumber } from "./format.js";
import { problemMessage, signInLink } from "./messages.js";
import { showScreen } from "./screen.js";

/** Who is signed in; back to sign-in when nobody is. */
export async function start() {
  const me = await get("/api/me");
  if (me.ok) {
    showMySpace(me.data);
  } else if (me.status === 401) {
    window.location.replace("/");
  } else {
    showScreen({ title: "Mon espace", focus: false, content: h("div", { class: "card" }, h("p", { class: "alert alert--error" }, problemMessage(me.problem)), h("p", {}, signInLink())) });
  }
}

function showMySpace({ fullName, memberNumber, email }) {
  const signOut = button("Se déconnecter", { kind: "secondary" });
  showScreen({
    title: "Mon espace",
    heading: "Mon espace",
    focus: false,
    content: h(
      "div",
      { class: "card" },
      h("p", { class: "welcome" }, "Bonjour ", h("strong", {}, fullName ?? ""), ","),
      h("p", {}, "Bienvenue dans votre espace personnel."),
      h(
        "dl",
        { class: "facts" },
        memberNumber ? h("div", {}, h("dt", {}, "Identifiant"), h("dd", {}, formatMemberNumber(memberNumber))) : null,
        email ? h("div", {}, h("dt", {}, "E-mail"), h("dd", {}, email)) : null,
      ),
      h("div", { class: "actions" }, signOut),
    ),
  });
  signOut.addEventListener("click", async () => {
    signOut.disabled = true;
    await del("/api/sessions/current");
    showScreen({
      title: "Vous êtes déconnecté",
      content: h("div", { class: "card" }, h("p", {}, "Vous êtes déconnecté de votre espace personnel. À bientôt !"), h("p", {}, signInLink())),
    });
  });
}
