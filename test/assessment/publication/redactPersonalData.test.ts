import assert from "node:assert/strict";
import { personalDataRedactor, REDACTED } from "../../../assessment/publication/redactPersonalData";

describe("personalDataRedactor", () => {
  const redact = personalDataRedactor(["Priya Okafor", "Hope Adeyemi", " "]);

  it("removes full names in any case and capitalised parts of names", () => {
    assert.equal(redact("PRIYA OKAFOR chairs it"), `${REDACTED} chairs it`);
    assert.equal(redact("Ask Priya, or Ms Okafor."), `Ask ${REDACTED}, or Ms ${REDACTED}.`);
    assert.equal(redact("Okafor's team"), `${REDACTED}'s team`);
  });

  it("keeps ordinary words that happen to be names in lower case, and words that only contain a name", () => {
    assert.equal(redact("We hope to improve; Priyanka leads"), "We hope to improve; Priyanka leads");
  });

  it("removes e-mail addresses and UK phone numbers as people type them", () => {
    for (const phone of [
      "01632 960123",
      "01632 960 123",
      "(01632) 960123",
      "07700 900123",
      "07700-900-123",
      "+44 7700 900123",
      "+44 (0)20 7946 0123",
      "020 7946 0123",
    ]) {
      assert.equal(redact(`call ${phone} today`), `call ${REDACTED} today`, phone);
    }
    assert.equal(redact("mail p.okafor@northshire.gov.uk now"), `mail ${REDACTED} now`);
  });

  it("leaves dates, years, counts and statement ids alone", () => {
    const text = "In 2024, 37 of 52 care leavers (71%) had a plan by 30/04/2025; see 7b and 10c.";
    assert.equal(redact(text), text);
  });
});
