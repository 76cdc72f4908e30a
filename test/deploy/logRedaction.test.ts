import assert from "node:assert/strict";
import type pino from "pino";
import type { AddressInfo } from "node:net";
import sinon from "sinon";
import { createLogger, flatLineLogger, type AppLogger } from "../../bot/logging/logger";
import { createHttpServer } from "../../bot/http/createHttpServer";
import { CheckedActivityAdapter } from "../../bot/adapter/checkedActivityAdapter";
import { SelfAssessmentBot } from "../../bot/selfAssessmentBot";
import { waitFor } from "../support/waitFor";
import { closeServer } from "../../simulator/http/closeServer";

/**
 * What reaches the log when an answer is submitted. Evidence and ideas can name young people,
 * names are personal data, tokens and authorization headers are secrets: none may appear in a
 * line. Ids and outcomes must survive, or the logs are useless for support.
 */
const SECRET_VALUES = {
  evidence: "Jamie (17) told us the pathway plan was never reviewed",
  ideas: "Ask Jamie's personal adviser to join the review",
  name: "Priya Shah",
  fromName: "Priya Shah (Leaving Care Team)",
  token: "eyJhbGciOiJSUzI1NiJ9.payload.signature",
  authorization: "Bearer eyJ0eXAiOiJKV1QifQ.secret.part",
};

const KEPT = {
  statementId: "area-3.statement-2",
  aadObjectId: "6f1d2c3b-4a5e-4f60-8b7a-9c8d7e6f5a4b",
  correlationId: "f:1234",
  outcome: "saved",
};

/** The submission as a careless handler might hold it: the card's inputs plus bits of the turn. */
function carelessSubmission() {
  return {
    statementId: KEPT.statementId,
    rating: 2,
    evidence: SECRET_VALUES.evidence,
    ideas: SECRET_VALUES.ideas,
    name: SECRET_VALUES.name,
    from: { id: "29:1abc", aadObjectId: KEPT.aadObjectId, name: SECRET_VALUES.fromName },
    token: SECRET_VALUES.token,
    headers: { authorization: SECRET_VALUES.authorization },
  };
}

function capture(make: (destination: pino.DestinationStream) => AppLogger): { logger: AppLogger; lines: string[] } {
  const lines: string[] = [];
  return { logger: make({ write: (line: string) => void lines.push(line) }), lines };
}

function assertNoSecrets(lines: readonly string[]): void {
  assert.ok(lines.length > 0, "nothing was logged");
  for (const line of lines) {
    for (const [what, value] of Object.entries(SECRET_VALUES))
      assert.ok(!line.includes(value), `${what} leaked: ${line}`);
  }
}

function logCarelessly(logger: AppLogger): void {
  const turnLogger = logger.child({ correlationId: KEPT.correlationId });
  turnLogger.warn({ outcome: "rejected", submission: carelessSubmission() }, "answer rejected");
  turnLogger.info({ ...carelessSubmission(), outcome: KEPT.outcome }, "answer submitted");
}

describe("log redaction", () => {
  it("keeps ids and outcomes and hides what a handler nests under a key", () => {
    const { logger, lines } = capture((destination) => createLogger({ level: "info", destination }));
    const turnLogger = logger.child({ correlationId: KEPT.correlationId });
    turnLogger.info(
      { statementId: KEPT.statementId, aadObjectId: KEPT.aadObjectId, rating: 2, outcome: KEPT.outcome },
      "answer submitted",
    );
    turnLogger.info(
      {
        answer: { statementId: KEPT.statementId, evidence: SECRET_VALUES.evidence, ideas: SECRET_VALUES.ideas },
        user: { aadObjectId: KEPT.aadObjectId, name: SECRET_VALUES.name },
      },
      "answer stored",
    );
    turnLogger.info(
      {
        activity: {
          type: "invoke",
          from: { id: "29:1abc", name: SECRET_VALUES.fromName },
          value: { evidence: SECRET_VALUES.evidence },
        },
      },
      "invoke",
    );
    turnLogger.info(
      {
        tokenResponse: { token: SECRET_VALUES.token },
        req: { headers: { authorization: SECRET_VALUES.authorization } },
      },
      "token exchanged",
    );
    assertNoSecrets(lines);
    const first = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    assert.equal(first.statementId, KEPT.statementId);
    assert.equal(first.aadObjectId, KEPT.aadObjectId);
    assert.equal(first.outcome, KEPT.outcome);
    assert.equal(first.correlationId, KEPT.correlationId);
    assert.equal(first.rating, 2);
  });

  it("createLogger hides a careless submission logged whole and keeps its ids", () => {
    const { logger, lines } = capture((destination) => createLogger({ level: "info", destination }));
    logCarelessly(logger);
    assertNoSecrets(lines);
    for (const line of lines) {
      assert.ok(
        line.includes(KEPT.statementId) && line.includes(KEPT.aadObjectId) && line.includes(KEPT.correlationId),
        `ids lost: ${line}`,
      );
    }
  });

  it("flatLineLogger, for lines of scalars, still hides a secret put at the top level and keeps the ids", () => {
    const { logger, lines } = capture((destination) => flatLineLogger(createLogger({ level: "info", destination })));
    const { evidence, ideas, name, token } = carelessSubmission();
    logger.info(
      { evidence, ideas, name, token, statementId: KEPT.statementId, outcome: KEPT.outcome },
      "answer submitted",
    );
    assertNoSecrets(lines);
    assert.ok(lines[0]?.includes(KEPT.statementId) && lines[0].includes(KEPT.outcome), `ids lost: ${lines[0]}`);
  });

  it("routes restify's own lines through createLogger: a route that returns a value has it redacted, not printed", async () => {
    const { logger, lines } = capture((destination) => createLogger({ level: "info", destination }));
    const server = createHttpServer({
      adapter: sinon.createStubInstance(CheckedActivityAdapter),
      bot: sinon.createStubInstance(SelfAssessmentBot),
      health: () => Promise.resolve({ ok: true, detail: "" }),
      logger,
      loopbackServiceUrlsOnly: true,
      // A careless async route that answers and also returns what it handled: restify logs the returned value.
      extraRoutes: [
        (routes) =>
          routes.get("/careless", async (_req, res) => {
            res.send(200, { ok: true });
            return Promise.resolve(carelessSubmission());
          }),
      ],
    });
    await new Promise<void>((resolve) => {
      server.server.listen(0, "127.0.0.1", resolve);
    });
    try {
      const { port } = server.server.address() as AddressInfo;
      assert.equal((await fetch(`http://127.0.0.1:${String(port)}/careless`)).status, 200);
      await waitFor(() => lines.some((line) => line.includes("Discarded returned value")), "restify's warning", 10_000);
      assertNoSecrets(lines);
      const warning = JSON.parse(lines.find((line) => line.includes("Discarded returned value")) ?? "{}") as Record<
        string,
        unknown
      >;
      assert.equal(warning["component"], "restify");
      assert.equal(warning["service"], "self-assessment-bot", "formatted like every other line");
    } finally {
      await closeServer(server.server);
    }
  });
});
