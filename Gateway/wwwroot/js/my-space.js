// "Mon espace": who is signed in, how the account signs in (password, FranceConnect), and "Se déconnecter".
import { del, get, post } from "./api.js";
import { h } from "./dom.js";
import { button, whileBusy } from "./fields.js";
import { formScreen } from "./form-screen.js";
import { formatMemberNumber } from "./format.js";
import { problemMessage, showProblem, signInLink } from "./messages.js";
import { newPasswordFields, submitNewPassword } from "./password-fields.js";
import { showScreen } from "./screen.js";

/** Who is signed in; back to sign-in when nobody is. `notice` tops the screen (what just changed). */
export async function start(notice = null) {
  const me = await get("/api/me");
  if (me.ok) {
    showMySpace(me.data, notice);
  } else if (me.status === 401) {
    window.location.replace("/");
  } else {
    showScreen({ title: "Mon espace", focus: false, content: h("div", { class: "card" }, h("p", { class: "alert alert--error" }, problemMessage(me.problem)), h("p", {}, signInLink())) });
  }
}

function showMySpace({ fullName, memberNumber, email, hasPassword, franceConnectLinked }, notice) {
  const signOut = button("Se déconnecter", { kind: "secondary" });
  showScreen({
    title: "Mon espace",
    heading: "Mon espace",
    focus: false,
    content: h(
      "div",
      { class: "card" },
      notice ? h("p", { class: "success", role: "status" }, notice) : null,
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
      h("div", {}, h("dt", {}, "Mot de passe"), h("dd", {}, hasPassword ? "Défini" : "Aucun : vous vous connectez avec FranceConnect.")),
      h("div", {}, h("dt", {}, "FranceConnect"), h("dd", { id: "franceconnect-lien" }, franceConnectLinked ? "Relié à votre compte" : "Non relié")),
    ),
    status,
  );
  if (!hasPassword) {
    section.append(h("div", { class: "actions" }, button("Créer un mot de passe", { kind: "secondary", onclick: showAddPassword })));
  }
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

/** A first password for an account that signs in with FranceConnect alone, under the enrolment's rules. */
function showAddPassword() {
  const passwords = newPasswordFields();
  formScreen({}, {
    id: "mot-de-passe",
    title: "Je crée mon mot de passe personnel",
    intro: h("p", {}, "Avec ce mot de passe, vous pourrez aussi vous connecter avec votre identifiant, sans FranceConnect."),
    body: passwords.elements,
    onBack: () => start(),
    onSubmit: submitNewPassword(passwords, async (form, alert, fields, body) => {
      alert.clear();
      const answer = await whileBusy(form, () => post("/api/me/password", body));
      if (answer.ok) {
        await start("Votre mot de passe est créé.");
        return;
      }
      showProblem(answer.problem, { alert, fields });
    }),
  });
}
