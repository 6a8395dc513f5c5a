// "Mon espace": who is signed in, how the account signs in (password, FranceConnect), and "Se déconnecter".
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

function showMySpace({ fullName, memberNumber, email, hasPassword, franceConnectLinked }) {
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
      signInMethods({ hasPassword, franceConnectLinked }),
      h("div", { class: "actions" }, signOut),
    ),
  });
  signOut.addEventListener("click", async () => {
    signOut.disabled = true;
    // With FranceConnect offered, sign-out goes through it: its session ends too when the member came that way.
    if ((await get("/api/franceconnect")).ok) {
      window.location.assign("/franceconnect/logout");
      return;
    }
    await del("/api/sessions/current");
    showScreen({
      title: "Vous êtes déconnecté",
      content: h("div", { class: "card" }, h("p", {}, "Vous êtes déconnecté de votre espace personnel. À bientôt !"), h("p", {}, signInLink())),
    });
  });
}

/** « Mes moyens de connexion »: the password (or its absence), and the FranceConnect link with a way to remove it. */
function signInMethods({ hasPassword, franceConnectLinked }) {
  const status = h("p", { role: "status" });
  const section = h(
    "section",
    { "aria-labelledby": "moyens-connexion" },
    h("h2", { id: "moyens-connexion", class: "section-title" }, "Mes moyens de connexion"),
    h(
      "dl",
      { class: "facts" },
      h("div", {}, h("dt", {}, "Mot de passe"), h("dd", {}, hasPassword
        ? "Défini"
        : h("span", {}, "Aucun : vous vous connectez avec FranceConnect. Pour en créer un, utilisez ", h("a", { href: "/mot-de-passe-perdu.html" }, "« J'ai perdu mon mot de passe »"), "."))),
      h("div", {}, h("dt", {}, "FranceConnect"), h("dd", { id: "franceconnect-lien" }, franceConnectLinked ? "Relié à votre compte" : "Non relié")),
    ),
    status,
  );
  if (franceConnectLinked) {
    const unlink = button("Retirer le lien avec FranceConnect", { kind: "secondary" });
    section.append(h("div", { class: "actions" }, unlink));
    unlink.addEventListener("click", async () => {
      unlink.disabled = true;
      const answer = await del("/api/franceconnect/link");
      if (answer.ok) {
        section.querySelector("#franceconnect-lien").textContent = "Non relié";
        unlink.remove();
        status.textContent = hasPassword
          ? "Le lien avec FranceConnect est retiré. Connectez-vous désormais avec votre identifiant et votre mot de passe."
          : "Le lien avec FranceConnect est retiré. À votre prochaine connexion avec FranceConnect, votre identifiant vous sera demandé une fois.";
        return;
      }
      unlink.disabled = false;
      status.textContent = problemMessage(answer.problem);
    });
  }
  return section;
}
