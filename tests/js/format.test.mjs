// What a member sees in a field as they type, and what the API receives from it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  clockDuration,
  formatDateTyping,
  formatMemberNumber,
  frenchDateToIso,
  frenchDuration,
} from "../../Gateway/wwwroot/js/format.js";

describe("member number", () => {
  it("takes its dot after the eighth digit, also halfway through", () => {
    assert.equal(formatMemberNumber("1234567890"), "12345678.90");
    assert.equal(formatMemberNumber("123456789"), "12345678.9");
    assert.equal(formatMemberNumber("1234"), "1234");
  });

  it("keeps ten digits and drops anything else", () => {
    assert.equal(formatMemberNumber("12 34 56 78 90 12"), "12345678.90");
    assert.equal(formatMemberNumber("12345678.90"), "12345678.90");
    assert.equal(formatMemberNumber(null), "");
  });
});

describe("birth date", () => {
  it("puts the slashes in as the digits come", () => {
    assert.equal(formatDateTyping("01"), "01");
    assert.equal(formatDateTyping("0108"), "01/08");
    assert.equal(formatDateTyping("01081985"), "01/08/1985");
    assert.equal(formatDateTyping("010819851"), "01/08/1985");
  });

  it("pads a day or month typed with one digit before its separator", () => {
    assert.equal(formatDateTyping("1/8/"), "01/08");
    assert.equal(formatDateTyping("1.8.1985"), "01/08/1985");
  });

  it("is sent as an ISO date when it is a real day of the past", () => {
    assert.equal(frenchDateToIso("01/08/1985"), "1985-08-01");
    assert.equal(frenchDateToIso(" 1-8-1985 "), "1985-08-01");
    assert.equal(frenchDateToIso("29/02/2000"), "2000-02-29");
  });

  it("is refused when the day does not exist, is too old, in the future or half typed", () => {
    assert.equal(frenchDateToIso("31/02/1985"), null);
    assert.equal(frenchDateToIso("29/02/1985"), null);
    assert.equal(frenchDateToIso("01/01/1899"), null);
    assert.equal(frenchDateToIso("01/01/2999"), null);
    assert.equal(frenchDateToIso("01/08"), null);
    assert.equal(frenchDateToIso(undefined), null);
  });
});

describe("durations", () => {
  it("are said in French words, with plurals", () => {
    assert.equal(frenchDuration(1), "1 seconde");
    assert.equal(frenchDuration(75), "1 minute et 15 secondes");
    assert.equal(frenchDuration(3600), "1 heure");
    assert.equal(frenchDuration(7322), "2 heures, 2 minutes et 2 secondes");
    assert.equal(frenchDuration(0), "0 seconde");
    assert.equal(frenchDuration(0.2), "1 seconde");
  });

  it("are shown as a clock on the code's countdown", () => {
    assert.equal(clockDuration(125), "2:05");
    assert.equal(clockDuration(300), "5:00");
    assert.equal(clockDuration(-3), "0:00");
  });
});
