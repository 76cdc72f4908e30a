import assert from "node:assert/strict";
import { parse } from "csv-parse/sync";
import { startGroupScenario, assignArea, cardTexts, inputValue, type GroupScenario } from "../support/groupScenario";
import { downloadText, downloadUrls } from "../support/downloadedDocuments";
import { personalMessage } from "../../simulator/teams/teamsActivities";

/** Every compiled file's text by its file name (both copies and the action plan), as the coordinator downloads them. */
async function compileAll(scenario: GroupScenario): Promise<Map<string, string>> {
  const { harness, coordinator } = scenario;
  const before = harness.connector.postedCards().length;
  const response = await harness.post(
    personalMessage({ serviceUrl: harness.connector.url, from: coordinator, text: "compile" }),
  );
  assert.equal(response.status, 200);
  const card = harness.connector
    .postedCards()
    .slice(before)
    .map((entry) => entry.card)
    .find((candidate) => downloadUrls(candidate).length >= 8);
  assert.ok(card, "the compile summary card with every link");
  const files = new Map<string, string>();
  for (const url of downloadUrls(card)) {
    const file = await downloadText(url);
    assert.equal(file.status, 200);
    files.set(file.fileName, file.text);
  }
  return files;
}

function fileEnding(files: Map<string, string>, ending: string): string {
  const name = [...files.keys()].find((candidate) => candidate.endsWith(ending));
  assert.ok(name, `a file ending ${ending} among ${[...files.keys()].join(", ")}`);
  return files.get(name) ?? "";
}

describe("action plan tracking over HTTP", function () {
  this.timeout(60_000);
  let scenario: GroupScenario;

  beforeEach(async () => {
    scenario = await startGroupScenario();
    await assignArea(scenario, 7);
    // 7b agreed at 2 by everyone: an action of the plan.
    for (const member of scenario.members)
      await scenario.answer(member, 7, "7b", { rating: "2", evidence: "Not yet", ideas: "A housing protocol" });
  });
  afterEach(async () => scenario.harness.close());

  const save = (inputs: { owner?: string; due?: string; status?: string }, from = scenario.lead) =>
    scenario.act(from, "updateActionItem", {
      assessmentId: scenario.assessmentId,
      statementId: "7b",
      owner_7b: inputs.owner ?? "",
      due_7b: inputs.due ?? "",
      status_7b: inputs.status ?? "Not started",
    });

  it("the lead sets owner, due date and status from the card; each change is audited before → after", async () => {
    await scenario.say(scenario.lead, "actions 7");
    const card = scenario.harness.connector.postedCards().at(-1)?.card;
    const texts = cardTexts(card);
    assert.ok(texts.includes("Action plan: area 7"), texts.join(" | "));
    assert.ok(texts.some((text) => text.includes("7b")));
    // In a channel the people picker searches the conversation's members (org-wide search is 1:1 only).
    assert.match(JSON.stringify(card), /graph\.microsoft\.com\/users\?scope=currentContext/);

    const saved = await save({ owner: scenario.lead.aadObjectId, due: "2027-03-31", status: "On track" });
    assert.ok(saved.texts.includes("✓ Saved 7b."), saved.texts.join(" | "));
    assert.ok(saved.texts.includes(scenario.lead.name), "the card names the owner");
    assert.equal(inputValue(saved.card, "owner_7b"), scenario.lead.aadObjectId, "the picker keeps the owner");
    const stored = await scenario.harness.app.services.storage.actionItems.get(scenario.assessmentId, "7b");
    assert.ok(stored);
    assert.equal(stored.owner?.name, scenario.lead.name, "the roster named the picked Entra id");
    assert.equal(stored.dueDate, "2027-03-31");
    assert.equal(stored.status, "On track");

    await save({ owner: scenario.lead.aadObjectId, due: "2027-03-31", status: "At risk" }, scenario.coordinator);
    const entries = (await scenario.harness.app.services.storage.audit.list(scenario.assessmentId)).filter(
      (entry) => entry.action === "actionItemUpdated",
    );
    assert.equal(entries.length, 2);
    assert.deepEqual(JSON.parse(entries[0]?.before ?? ""), { owner: null, dueDate: null, status: "Not started" });
    assert.deepEqual(JSON.parse(entries[1]?.before ?? ""), {
      owner: scenario.lead.aadObjectId,
      dueDate: "2027-03-31",
      status: "On track",
    });
    assert.equal((JSON.parse(entries[1]?.after ?? "") as { status: string }).status, "At risk");
    assert.equal(entries[1]?.actorAadObjectId, scenario.coordinator.aadObjectId);
    assert.ok(!entries.some((entry) => JSON.stringify(entry).includes(scenario.lead.name)), "no names in the audit");
  });

  it("refuses an impossible date or someone outside the team, keeping what was typed", async () => {
    const badDate = await save({ owner: scenario.lead.aadObjectId, due: "2027-02-30", status: "At risk" });
    assert.ok(
      badDate.texts.some((text) => text.includes("The due date for 7b must be a real date")),
      badDate.texts.join(" | "),
    );
    assert.equal(inputValue(badDate.card, "due_7b"), "2027-02-30");
    assert.equal(inputValue(badDate.card, "status_7b"), "At risk");
    const outsider = "0b7d3c51-3f7e-4d7e-9d3c-6a1c2b3d4e5f";
    const notInTeam = await save({ owner: outsider, due: "2027-01-31", status: "On track" });
    assert.ok(
      notInTeam.texts.some((text) => text.includes("must be a member of the working group's team")),
      notInTeam.texts.join(" | "),
    );
    assert.equal(inputValue(notInTeam.card, "owner_7b"), outsider);
    assert.equal(await scenario.harness.app.services.storage.actionItems.get(scenario.assessmentId, "7b"), undefined);
  });

  it("refuses a member, by command and by card, and stores nothing", async () => {
    const [member] = scenario.members;
    assert.ok(member);
    await scenario.say(member, "actions 7");
    assert.ok(
      cardTexts(scenario.harness.connector.postedCards().at(-1)?.card).some((text) =>
        text.includes("Only the coordinator or the group's lead can set the owners"),
      ),
    );
    const refused = await save({ owner: member.aadObjectId, status: "Done" }, member);
    assert.ok(
      refused.texts.some((text) => text.startsWith("Only the coordinator or the group's lead can")),
      refused.texts.join(" | "),
    );
    assert.equal(await scenario.harness.app.services.storage.actionItems.get(scenario.assessmentId, "7b"), undefined);
    const audit = await scenario.harness.app.services.storage.audit.list(scenario.assessmentId);
    assert.ok(!audit.some((entry) => entry.action === "actionItemUpdated"));
  });

  it("the compiled plan shows them: owner's name internally and in the action plan, never in the publication copy", async () => {
    await save({ owner: scenario.lead.aadObjectId, due: "2027-03-31", status: "At risk" });
    const files = await compileAll(scenario);
    const rows: string[][] = parse(fileEnding(files, "-action-plan.csv"), { bom: true });
    const header = rows[0] ?? [];
    const row = rows.find((cells) => cells[header.indexOf("Statement")] === "7b");
    assert.ok(row, "7b is in the action plan CSV");
    assert.equal(row[header.indexOf("Owner")], scenario.lead.name);
    assert.equal(row[header.indexOf("Due date")], "2027-03-31");
    assert.equal(row[header.indexOf("Status")], "At risk");
    for (const docx of [fileEnding(files, "-action-plan.docx"), fileEnding(files, "-internal.docx")]) {
      const plan = docx.slice(docx.lastIndexOf(">Action plan<"));
      for (const shown of [scenario.lead.name, "2027-03-31", "At risk"]) assert.ok(plan.includes(`>${shown}<`), shown);
    }
    const publication = fileEnding(files, "-publication.docx");
    assert.ok(!publication.includes(scenario.lead.name), "no owner name in the publication copy");
    const publicPlan = publication.slice(publication.lastIndexOf(">Action plan<"));
    for (const shown of ["Assigned", "2027-03-31", "At risk"]) assert.ok(publicPlan.includes(`>${shown}<`), shown);
  });
});
