import assert from "node:assert/strict";
import { markdownLiteral } from "../../../assessment/text/markdownLiteral";
import { buildAreaDigest } from "../../../assessment/digest/buildAreaDigest";
import { splitDigest, DIGEST_PAGE_MAX_BYTES } from "../../../assessment/digest/splitDigest";
import { loadFramework, DEFAULT_FRAMEWORK_PATH } from "../../../storage/framework/loadFramework";
import type { RatingValue } from "../../../assessment/framework/frameworkSchema";
import { buildDigestCard, cardBytes } from "../../../cards/digestCard";
import { anAnswer, aPerson } from "../../support/domainFactories";
import { ANSWER_LIMITS } from "../../../assessment/answers/answerLimits";
import { defined } from "../../support/defined";

const framework = loadFramework(DEFAULT_FRAMEWORK_PATH);
const area = defined(framework.areas.find((candidate) => candidate.number === 7));
const max = framework.globalScoreMax;

describe("splitDigest", () => {
  it("keeps every page of a 40-member digest with long evidence under the limit, each comment exactly once", function () {
    this.timeout(60_000);
    const answers = area.statements.flatMap((statement) =>
      Array.from({ length: 40 }, (_, index) =>
        anAnswer({
          statementId: statement.id,
          respondent: aPerson({ aadObjectId: `aad-${index}`, teamsUserId: `29:${index}`, name: `Member ${index}` }),
          rating: ((index % 4) + 1) as RatingValue,
          evidence:
            `[${statement.id}/${index}/e] ${"Evidence from the pathway audit, with “quotes” and é. ".repeat(60)}`.slice(
              0,
              ANSWER_LIMITS.evidenceMaxChars,
            ),
          ideas: index % 3 === 0 ? `[${statement.id}/${index}/i] ${"An idea. ".repeat(40)}` : "",
        }),
      ),
    );
    const digest = buildAreaDigest({
      assessmentId: "assessment-1",
      area,
      answers,
      globalScores: [],
      members: 40,
      globalScoreMax: max,
      scale: framework.scale,
      decisions: [],
    });
    const pages = splitDigest(digest, (page) => cardBytes(buildDigestCard(page, max)));
    assert.ok(pages.length > 1);
    const cards = pages.map((page) => buildDigestCard(page, max));
    for (const card of cards) assert.ok(cardBytes(card) <= DIGEST_PAGE_MAX_BYTES, `page of ${cardBytes(card)} bytes`);
    const all = cards.map((card) => JSON.stringify(card)).join("\n");
    for (const statement of digest.statements) {
      for (const comment of statement.comments) {
        // As the card carries it: escaped Markdown inside JSON.
        const marker = JSON.stringify(markdownLiteral(comment.text.slice(0, comment.text.indexOf("]") + 1))).slice(
          1,
          -1,
        );
        assert.equal(all.split(marker).length - 1, 1, `${marker} appears once`);
      }
      // The moderation inputs appear exactly once per statement.
      assert.equal(all.split(`"agreed_${statement.statementId}"`).length - 1, 1);
    }
    assert.equal(all.split('"acceptModalRatings"').length - 1, 1);
    assert.equal(all.split('"recordGlobalDecision"').length - 1, 1);
  });

  // Each statement carries its decision form (agreed rating, why, agreed evidence and ideas): an empty
  // digest of the largest area (7, fifteen statements) is ~26.7 KB and takes two pages; eight fit on one.
  it("keeps a small digest on one page", () => {
    const small = defined(framework.areas.find((candidate) => candidate.number === 4));
    const digest = buildAreaDigest({
      assessmentId: "assessment-1",
      area: small,
      answers: [anAnswer({ areaNumber: 4, statementId: "4a" })],
      globalScores: [],
      members: 3,
      globalScoreMax: max,
      scale: framework.scale,
      decisions: [],
    });
    const pages = splitDigest(digest, (page) => cardBytes(buildDigestCard(page, max)));
    assert.equal(pages.length, 1);
    assert.equal(pages[0]?.statements.length, small.statements.length);
  });
});
