// The words a member reads for each refusal the API can answer.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isJourneyOver, problemMessage } from "../../Gateway/wwwroot/js/messages.js";

describe("problem messages", () => {
  it("count the attempts left on a wrong code, singular and plural", () => {
    assert.equal(problemMessage({ code: "code-mismatch", attemptsLeft: 2 }), "Le code saisi est incorrect. Il vous reste 2 essais.");
    assert.equal(problemMessage({ code: "code-mismatch", attemptsLeft: 1 }), "Le code saisi est incorrect. Il vous reste 1 essai.");
    assert.equal(problemMessage({ code: "code-mismatch" }), "Le code saisi est incorrect.");
  });

  it("say how long to wait when the server tells it, and a fallback otherwise", () => {
    assert.match(problemMessage({ code: "rate-limited", retryAfterSeconds: 90 }), /dans 1 minute et 30 secondes\.$/);
    assert.match(problemMessage({ code: "rate-limited" }), /dans quelques instants\.$/);
    assert.match(problemMessage({ code: "busy", retryAfterSeconds: 20 }), /très sollicité.*dans 20 secondes\.$/);
    assert.match(problemMessage({ code: "locked" }), /dans 24 heures/);
    assert.match(problemMessage({ code: "locked" }, "sign-in"), /Votre compte est temporairement bloqué.*plus tard\./);
  });

  it("tell apart a limit on codes that ends and one that does not", () => {
    assert.match(problemMessage({ code: "too-many-codes", retryAfterSeconds: 3600 }), /dans 1 heure\.$/);
    assert.match(problemMessage({ code: "too-many-codes" }), /recommencer la procédure/);
  });

  it("fall back to the problem's title, then to a general sentence", () => {
    assert.equal(problemMessage({ code: "something-new", title: "Quelque chose" }), "Quelque chose");
    assert.equal(problemMessage({ code: "something-new" }), "Votre demande n'a pas pu aboutir. Merci de réessayer.");
  });

  it("end the enrolment only for a journey the server no longer holds", () => {
    assert.equal(isJourneyOver("enrolment-void"), true);
    assert.equal(isJourneyOver("enrolment-expired"), true);
    assert.equal(isJourneyOver("code-mismatch"), false);
  });
});

describe("an expired code", () => {
  it("says how long a code lasts when the page knows it", () => {
    assert.equal(
      problemMessage({ code: "code-expired", codeLifetimeSeconds: 600 }),
      "Ce code a expiré : il n'est valable que 10 minutes. Demandez un nouveau code ou recommencez la procédure.");
    assert.equal(problemMessage({ code: "code-expired" }), "Ce code a expiré. Demandez un nouveau code ou recommencez la procédure.");
  });
});
