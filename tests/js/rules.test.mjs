// The rules a field must meet before the page sends it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  codeLengthOf,
  codeLifetimeSeconds,
  isCode,
  isCompleteMemberNumber,
  isEmail,
  isFrenchMobile,
  normaliseFrenchMobile,
  sameEmail,
  sameMobile,
} from "../../Gateway/wwwroot/js/rules.js";

describe("member number", () => {
  it("is complete with its ten digits, dot or not", () => {
    assert.equal(isCompleteMemberNumber("12345678.90"), true);
    assert.equal(isCompleteMemberNumber("1234567890"), true);
    assert.equal(isCompleteMemberNumber("12345678.9"), false);
    assert.equal(isCompleteMemberNumber(""), false);
  });
});

describe("French mobile", () => {
  it("is read however it is written", () => {
    assert.equal(normaliseFrenchMobile("+33 6 12 34 56 78"), "0612345678");
    assert.equal(normaliseFrenchMobile("0033 7.12.34.56.78"), "0712345678");
    assert.equal(normaliseFrenchMobile("(06) 12-34-56-78"), "0612345678");
  });

  it("starts 06 or 07 and has ten digits", () => {
    assert.equal(isFrenchMobile("06 12 34 56 78"), true);
    assert.equal(isFrenchMobile("+33712345678"), true);
    assert.equal(isFrenchMobile("01 23 45 67 89"), false);
    assert.equal(isFrenchMobile("06 12 34 56 7"), false);
    assert.equal(isFrenchMobile(undefined), false);
  });

  it("is confirmed by the same number written another way", () => {
    assert.equal(sameMobile("06 12 34 56 78", "+33612345678"), true);
    assert.equal(sameMobile("0612345678", "0612345679"), false);
  });
});

describe("e-mail", () => {
  it("needs one @, a dot in the domain and no space", () => {
    assert.equal(isEmail("claire@exemple.fr"), true);
    assert.equal(isEmail(" claire@exemple.fr "), true);
    assert.equal(isEmail("claire@exemple"), false);
    assert.equal(isEmail("claire exemple@exemple.fr"), false);
    assert.equal(isEmail("claire@@exemple.fr"), false);
    assert.equal(isEmail(null), false);
  });

  it("is confirmed whatever the case", () => {
    assert.equal(sameEmail("Claire@Exemple.fr", "claire@exemple.fr"), true);
    assert.equal(sameEmail("claire@exemple.fr", "clair@exemple.fr"), false);
  });
});

describe("SMS code", () => {
  it("has the length the server's answer gives, six when it gives none", () => {
    assert.equal(codeLengthOf({ codeLength: 8 }), 8);
    assert.equal(codeLengthOf({}), 6);
    assert.equal(codeLengthOf({ codeLength: "8" }), 6);
    assert.equal(codeLengthOf(undefined), 6);
  });

  it("is exactly that many digits", () => {
    assert.equal(isCode("12345678", 8), true);
    assert.equal(isCode("123456", 8), false);
    assert.equal(isCode(" 123456 ", 6), true);
    assert.equal(isCode("12345a", 6), false);
  });

  it("lasts the whole minutes left until its expiry", () => {
    const now = Date.parse("2026-01-01T10:00:00Z");
    assert.equal(codeLifetimeSeconds("2026-01-01T10:05:00Z", now), 300);
    assert.equal(codeLifetimeSeconds("2026-01-01T10:04:59.2Z", now), 300);
    assert.equal(codeLifetimeSeconds("2026-01-01T10:10:00Z", now), 600);
    assert.equal(codeLifetimeSeconds("2026-01-01T09:59:00Z", now), null);
    assert.equal(codeLifetimeSeconds(undefined, now), null);
  });
});
