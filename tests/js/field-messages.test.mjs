// What the page says next to a field it refuses before sending.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { birthDateMessage, fieldMessages } from "../../Gateway/wwwroot/js/field-messages.js";

describe("field messages", () => {
  it("ask for as many code digits as the code has", () => {
    assert.equal(fieldMessages.code(6), "Saisissez les 6 chiffres du code reçu par SMS.");
    assert.equal(fieldMessages.code(8), "Saisissez les 8 chiffres du code reçu par SMS.");
  });

  it("tell a missing birth date from one that does not exist, and say nothing of a real one", () => {
    assert.equal(birthDateMessage("", null), fieldMessages.birthDateMissing);
    assert.equal(birthDateMessage("31/02/1985", null), fieldMessages.birthDateInvalid);
    assert.equal(birthDateMessage("01/08/1985", "1985-08-01"), null);
  });
});
