import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { startGroupScenario, type GroupScenario } from "../support/groupScenario";
import { waitFor } from "../support/waitFor";
import { defined } from "../support/defined";
import { launchChromium } from "../../simulator/browser/launchChromium";
import { TENANT_ID, makeChannel } from "../../simulator/teams/teamsActivities";
import { makePerson, type TeamsPerson } from "../../simulator/teams/people";

const SCREENS = path.join(__dirname, "..", "..", "build", "tab-screens");
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

/**
 * The tab in a real browser (Debian's Chromium through playwright-core) against the bot on
 * loopback with the dev identity: members answer in the tab and the channel's cards move, a lead
 * moderates, the coordinator sees both. axe-core checks every page; screenshots per role and size.
 * Without Chromium this FAILS (it does not skip): CI must prove the tab in a browser.
 */
describe("the Teams tab in Chromium", function () {
  this.timeout(180_000);
  let scenario: GroupScenario;
  let browser: Browser;

  before(async () => {
    browser = await launchChromium(process.env);
    scenario = await startGroupScenario({ memberCount: 3 });
    await scenario.say(scenario.coordinator, "assign 7", [scenario.lead]);
    await scenario.say(scenario.lead, "start");
    await scenario.harness.app.idle();
    mkdirSync(SCREENS, { recursive: true });
  });
  after(async () => {
    await browser.close();
    await scenario.harness.close();
  });

  async function open(person: TeamsPerson, view: string, width = 1280, height = 800, theme = "default"): Promise<Page> {
    // bypassCSP: axe-core goes in as an inline script, which the page's own policy rightly forbids.
    const context = await browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await context.newPage();
    const query = new URLSearchParams({
      devUser: person.aadObjectId,
      devName: person.name,
      devTenant: TENANT_ID,
      view,
      theme,
    });
    await page.goto(`${scenario.harness.url}/tab?${query}`);
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 90_000 });
    return page;
  }

  async function expectAccessible(page: Page, label: string): Promise<void> {
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: object,
              options: object,
            ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
          };
        }
      ).axe;
      // Tabster (Fluent's focus manager) puts aria-hidden focusable <i data-tabster-dummy> sentinels at the edges of
      // focus groups; they hand focus straight on and are never read. Fluent's issue tracker documents the axe false positive.
      const result = await axe.run(
        { exclude: [["[data-tabster-dummy]"]] },
        { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } },
      );
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
      }));
    });
    const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    assert.deepEqual(serious, [], `${label}: axe-core found serious or critical violations`);
  }

  async function screenshots(person: TeamsPerson, view: string, role: string): Promise<void> {
    for (const size of SIZES) {
      const page = await open(person, view, size.width, size.height);
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: path.join(SCREENS, `${role}-${size.width}x${size.height}.png`), fullPage: false });
      await page.context().close();
    }
  }

  const member = (index: number): TeamsPerson => {
    const person = scenario.members[index];
    assert.ok(person, `member ${index} exists`);
    return person;
  };
  const cardUpdatesFor = (statementId: string) =>
    scenario.harness.connector.recorded.filter(
      (entry) => entry.kind === "update" && JSON.stringify(entry.activity).includes(`"statementId":"${statementId}"`),
    );
  const latestCount = (statementId: string) =>
    JSON.stringify(cardUpdatesFor(statementId).at(-1)?.activity ?? "").match(
      /(\d+) (?:person has|people have) answered/,
    )?.[1];

  it("a member answers three statements in the tab (and one by keyboard alone), the channel cards' counts move, a refused save keeps the typed text, a draft survives a reload", async () => {
    const member = defined(scenario.members[0]);
    const page = await open(member, "member", 390, 844);
    await expectAccessible(page, "member page");
    await page.getByText("0 of 15 answered").first().waitFor();
    for (const [statementId, rating] of [
      ["7a", "4"],
      ["7b", "3"],
      ["7c", "2"],
    ] as const) {
      const region = page.getByRole("region", { name: new RegExp(`^${statementId}\\. `) });
      await region.getByRole("radio", { name: new RegExp(`^${rating} — `) }).check();
      await region.getByRole("textbox").first().fill(`Evidence for ${statementId} typed in the tab`);
      await region.getByRole("button", { name: `Save ${statementId}` }).click();
      await region.getByText(/^Saved \(/).waitFor();
    }
    await page.getByText("3 of 15 answered").first().waitFor();
    for (const statementId of ["7a", "7b", "7c"])
      await waitFor(() => latestCount(statementId) === "1", `the ${statementId} card to show 1 answer`);
    const stored = await scenario.harness.app.services.storage.responses.getAnswer(
      scenario.assessmentId,
      7,
      "7b",
      member.aadObjectId,
    );
    assert.equal(stored?.rating, 3);
    assert.equal(stored.respondent.teamsUserId, member.id);

    // No rating chosen: refused, and the text stays where it was typed.
    const refusedRegion = page.getByRole("region", { name: /^7d\. / });
    const evidence = refusedRegion.getByRole("textbox").first();
    await evidence.fill("Evidence typed before forgetting the rating");
    await refusedRegion.getByRole("button", { name: "Save 7d" }).click();
    await refusedRegion.getByText(/Not saved: Choose a rating/).waitFor();
    assert.equal(await evidence.inputValue(), "Evidence typed before forgetting the rating");

    // The keyboard alone: into the rating group, arrow to a rating, tab through both fields to the button, Enter.
    const keyboardRegion = page.getByRole("region", { name: /^7o\. / });
    await keyboardRegion.getByRole("radio", { name: /^4 — / }).focus();
    for (const key of ["ArrowDown", "Tab"]) await page.keyboard.press(key);
    await page.keyboard.type("Typed with the keyboard only");
    for (const key of ["Tab", "Tab", "Enter"]) await page.keyboard.press(key);
    await keyboardRegion.getByText(/^Saved \(/).waitFor();
    assert.equal(
      (
        await scenario.harness.app.services.storage.responses.getAnswer(
          scenario.assessmentId,
          7,
          "7o",
          member.aadObjectId,
        )
      )?.evidence,
      "Typed with the keyboard only",
    );

    // The draft survives a reload.
    await page.reload();
    await page
      .getByRole("region", { name: /^7d\. / })
      .getByText(/Unsaved changes from earlier were restored/)
      .waitFor();
    assert.equal(
      await page
        .getByRole("region", { name: /^7d\. / })
        .getByRole("textbox")
        .first()
        .inputValue(),
      "Evidence typed before forgetting the rating",
    );
    await page.context().close();
  });

  it("an answer given on the card shows in the tab (the reverse direction)", async () => {
    await scenario.answer(defined(scenario.members[1]), 7, "7a", { rating: "1", evidence: "Card evidence" });
    const page = await open(defined(scenario.members[2]), "member");
    await page
      .getByRole("region", { name: /^7a\. / })
      .getByText("2 people have answered")
      .waitFor();
    await page.context().close();
  });

  it("a lead records a decision in the area view and the digest shows it", async () => {
    const page = await open(scenario.lead, "lead");
    await expectAccessible(page, "lead page");
    const region = page.getByRole("region", { name: /^7a\. / });
    await region.getByText("Flagged").waitFor();
    await region.getByText("Rated 4 · Evidence").first().waitFor();
    await region.getByRole("radio", { name: "3" }).check();
    await region.getByRole("textbox", { name: "Rationale" }).fill("Agreed at the discussion group");
    await region.getByRole("textbox", { name: "Agreed ideas for improvement for 7a" }).fill("Ideas agreed by the lead");
    await region.getByRole("button", { name: "Record agreed rating for 7a" }).click();
    await region.getByText("Agreed rating 3 recorded for 7a.").waitFor();

    const sentBefore = scenario.harness.connector.recorded.length;
    await page.getByRole("button", { name: "Remind them in the channel" }).click();
    await page.getByText("The reminder is posted in the group's channel.").waitFor();
    const reminder = scenario.harness.connector.recorded
      .slice(sentBefore)
      .find((entry) =>
        (typeof entry.activity["text"] === "string" ? entry.activity["text"] : "").startsWith(
          "A gentle reminder for area 7",
        ),
      );
    assert.ok(reminder, "the reminder reached the channel");
    // Posted into the group's channel (Teams gives a channel post its own thread id: <channel>;messageid=…).
    assert.equal(reminder.conversationId.split(";")[0], scenario.channel.channelId);
    assert.equal(
      (await scenario.harness.app.services.storage.moderation.getDecision(scenario.assessmentId, "7a"))?.agreedRating,
      3,
    );
    await page.context().close();

    const before = scenario.harness.connector.recorded.length;
    await scenario.say(scenario.lead, "digest");
    await scenario.harness.app.idle();
    const digest = scenario.harness.connector.recorded
      .slice(before)
      .map((entry) => JSON.stringify(entry.activity))
      .join("\n");
    assert.match(digest, new RegExp(`Agreed rating: 3 \\(by ${scenario.lead.name}\\)`));
  });

  it("the discussion stage follows the lead: next, previous and the agreed decision (prefilled from the stored one, kept through polls and a refusal) reach another participant's page, without names", async () => {
    // A second flagged statement (7c: rated 2 in the tab, 4 on the card), so the lead has somewhere to go.
    await scenario.answer(member(1), 7, "7c", { rating: "4", evidence: "Card evidence for 7c" });
    const lead = await open(scenario.lead, "meeting");
    const follower = await open(member(2), "meeting", 390, 844);
    await expectAccessible(lead, "meeting page (lead)");
    await expectAccessible(follower, "meeting page (follower)");
    const onStage = (page: Page, statementId: string) =>
      page.getByRole("heading", { level: 2, name: new RegExp(`^${statementId}\\. `) }).waitFor({ timeout: 20_000 });
    for (const page of [lead, follower]) {
      await page.getByText(/^Flagged statement 1 of 2$/).waitFor();
      await onStage(page, "7a");
    }
    await follower.getByText("Evidence for 7a typed in the tab").waitFor();
    assert.equal(await follower.getByRole("button", { name: "Next" }).count(), 0, "only a lead moves the stage");

    await lead.getByRole("button", { name: "Next" }).click();
    await onStage(lead, "7c");
    await onStage(follower, "7c");
    await follower.getByText("Card evidence for 7c").waitFor();

    // No rating chosen: refused, and the rationale stays as typed.
    await lead.getByRole("textbox", { name: "Rationale" }).fill("Most of the room said 3");
    await lead.getByRole("button", { name: "Record agreed rating for 7c" }).click();
    await lead.getByText(/^Not recorded: /).waitFor();
    assert.equal(await lead.getByRole("textbox", { name: "Rationale" }).inputValue(), "Most of the room said 3");
    await lead.getByRole("radio", { name: "3" }).check();
    await lead.getByRole("button", { name: "Record agreed rating for 7c" }).click();
    await lead.getByText("Agreed rating 3 recorded for 7c.").waitFor();
    await follower.getByText(/Agreed rating: 3$/).waitFor({ timeout: 20_000 });
    assert.equal(
      (await scenario.harness.app.services.storage.moderation.getDecision(scenario.assessmentId, "7c"))?.rationale,
      "Most of the room said 3",
    );

    // Back on 7a, decided on the lead page: the meeting's form starts from the stored decision, a poll
    // leaves an edit alone, and re-recording keeps the rationale; members read the agreed texts.
    await lead.getByRole("button", { name: "Previous" }).click();
    await onStage(follower, "7a");
    const rationale = lead.getByRole("textbox", { name: "Rationale" });
    const agreedEvidence = lead.getByRole("textbox", { name: "Agreed evidence summary for 7a" });
    assert.equal(await rationale.inputValue(), "Agreed at the discussion group");
    assert.equal(
      await lead.getByRole("textbox", { name: "Agreed ideas for improvement for 7a" }).inputValue(),
      "Ideas agreed by the lead",
    );
    await agreedEvidence.fill("Evidence agreed in the meeting");
    const polled = () =>
      lead.waitForResponse((response) => response.url().endsWith("/tab/api/areas/7/stage") && response.ok());
    await polled();
    await polled(); // the first poll's answer has certainly been rendered by the time the second comes
    assert.equal(await agreedEvidence.inputValue(), "Evidence agreed in the meeting", "a poll reset the typed text");
    await lead.getByRole("button", { name: "Record agreed rating for 7a" }).click();
    await lead.getByText("Agreed rating 3 recorded for 7a.").waitFor();
    const decided = await scenario.harness.app.services.storage.moderation.getDecision(scenario.assessmentId, "7a");
    assert.equal(decided?.agreedEvidence, "Evidence agreed in the meeting");
    assert.equal(decided.rationale, "Agreed at the discussion group");
    assert.equal(decided.agreedIdeas, "Ideas agreed by the lead");
    const agreedOnStage = follower.getByRole("definition").filter({ hasText: "Evidence agreed in the meeting" });
    await agreedOnStage.waitFor({ timeout: 20_000 });
    await follower.getByText("Ideas agreed by the lead").waitFor();
    await follower.getByText("Agreed at the discussion group").waitFor(); // the rationale the document prints
    assert.equal(await follower.getByRole("textbox").count(), 0, "a member's stage is read-only");
    await expectAccessible(lead, "meeting page (lead, decision form)");
    await expectAccessible(follower, "meeting page (follower, agreed texts)");
    for (const page of [lead, follower])
      for (const person of scenario.members)
        assert.equal(await page.getByText(person.name).count(), 0, "a name reached the shared stage");

    // The server keeps the position: a member cannot move it, and a statement that is not flagged is refused.
    const moveAs = (person: TeamsPerson, statementId: string) =>
      scenario.tabApi(person, "PUT", "/areas/7/stage", { statementId });
    assert.equal((await moveAs(member(2), "7c")).status, 403);
    assert.equal((await moveAs(scenario.lead, "7b")).status, 422);
    await lead.context().close();
    await follower.context().close();
  });

  it("the coordinator's heat map shows the agreed rating, the provisional ones and the unanswered; a lead's bulk accept then fills the accepted statement's form", async () => {
    const page = await open(scenario.coordinator, "overview");
    await expectAccessible(page, "overview page");
    const cell = (id: string) => page.locator(`li[data-statement="${id}"]`);
    assert.equal(await cell("7a").getAttribute("data-kind"), "agreed");
    assert.equal(await cell("7a").getAttribute("data-rating"), "3");
    assert.equal(await cell("7b").getAttribute("data-kind"), "provisional");
    assert.equal(await cell("7b").getAttribute("data-rating"), "3");
    assert.equal(await cell("7e").getAttribute("data-kind"), "unanswered");
    assert.equal(await cell("1a").getAttribute("data-kind"), "unanswered");

    await page.getByRole("button", { name: "Compile the self-assessment" }).click();
    const docx = page.getByRole("link", { name: "Internal copy (with names): Word document" });
    await docx.waitFor();
    const download = await fetch((await docx.getAttribute("href")) ?? "");
    assert.equal(download.status, 200);
    assert.equal(
      download.headers.get("content-type"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    await page.context().close();

    // A bulk accept decides 7b: its form on the lead page shows the accepted rating without a reload.
    const lead = await open(scenario.lead, "lead");
    const form7b = lead.getByRole("region", { name: /^7b\. / });
    assert.equal(await form7b.getByRole("radio", { name: "3" }).isChecked(), false);
    await lead.getByRole("button", { name: "Accept the group's rating for every unflagged statement" }).click();
    await form7b.getByText("Agreed: 3").waitFor();
    assert.equal(
      await form7b.getByRole("radio", { name: "3" }).isChecked(),
      true,
      "the form shows the accepted rating",
    );
    await lead.context().close();
  });

  it("the member page and the heat map pass axe-core in the dark and high-contrast themes too; every role photographed at 390×844 and 1280×800", async () => {
    for (const theme of ["dark", "contrast"]) {
      for (const [person, view] of [
        [defined(scenario.members[0]), "member"],
        [scenario.coordinator, "overview"],
      ] as const) {
        const page = await open(person, view, 1280, 800, theme);
        await expectAccessible(page, `${view} page, ${theme} theme`);
        await page.context().close();
      }
    }
    await screenshots(defined(scenario.members[0]), "member", "member");
    await screenshots(scenario.lead, "lead", "lead");
    await screenshots(scenario.coordinator, "overview", "coordinator");
    await screenshots(scenario.lead, "meeting", "meeting");
  });

  it("a decision another moderator recorded while the lead's page was open is not overwritten unseen: the page says whose it is and keeps the typed text, and a second press replaces it", async () => {
    const lead = await open(scenario.lead, "lead");
    const form7h = lead.getByRole("region", { name: /^7h\. / });
    await form7h.getByRole("button", { name: "Record agreed rating for 7h" }).waitFor();
    // The coordinator records 7h from their own page after the lead's page loaded.
    const meanwhile = await scenario.tabApi(scenario.coordinator, "PUT", "/areas/7/decisions/7h", {
      agreedRating: "4",
      rationale: "Recorded by the coordinator",
      replacing: null,
    });
    assert.equal(meanwhile.status, 200);

    await form7h.getByRole("radio", { name: "2" }).check();
    await form7h.getByRole("textbox", { name: "Rationale" }).fill("The lead's own reasons");
    await form7h.getByRole("button", { name: "Record agreed rating for 7h" }).click();
    await form7h.getByText(`Not recorded: ${scenario.coordinator.name} recorded agreed rating 4 for 7h`).waitFor();
    assert.equal(await form7h.getByRole("textbox", { name: "Rationale" }).inputValue(), "The lead's own reasons");
    assert.equal(await form7h.getByRole("radio", { name: "2" }).isChecked(), true);
    const decisionOf7h = async () =>
      scenario.harness.app.services.storage.moderation.getDecision(scenario.assessmentId, "7h");
    assert.equal((await decisionOf7h())?.rationale, "Recorded by the coordinator");

    await form7h.getByRole("button", { name: "Record agreed rating for 7h" }).click();
    await form7h.getByText("Agreed: 2").waitFor();
    assert.equal((await decisionOf7h())?.rationale, "The lead's own reasons");
    await lead.context().close();
  });

  it("the coordinator assigns an area and its lead from the overview, and confirms moving an area that has answers", async () => {
    const youth = makeChannel("Youth voice group");
    await scenario.say(scenario.coordinator, "assign 5", [scenario.lead], youth);
    const storage = scenario.harness.app.services.storage;
    const page = await open(scenario.coordinator, "overview");
    const pick = async (areaNumber: string, channelName: string, leadName: string) => {
      await page.getByLabel("Area", { exact: true }).selectOption(areaNumber);
      await page.getByLabel("Group's channel").selectOption({ label: channelName });
      await page.getByRole("checkbox", { name: leadName }).check();
      await page.getByRole("button", { name: "Assign", exact: true }).click();
    };

    // A free area to the housing group, led by a member picked from its team.
    await pick("3", scenario.channel.name, member(1).name);
    await page.getByText(/^Area 3: .* — lead\(s\): /).waitFor();
    const three = await storage.assignments.get(scenario.assessmentId, 3);
    assert.ok(three, "area 3 is assigned");
    assert.equal(three.value.channel.channelId, scenario.channel.channelId);
    assert.deepEqual(
      three.value.leads.map((lead) => lead.aadObjectId),
      [member(1).aadObjectId],
    );
    await expectAccessible(page, "overview page, assigning");

    // Area 7 has answers: moving it asks first, and the answers move with it.
    await pick("7", youth.name, scenario.lead.name);
    await page.getByText(/^Area 7 is with Housing working group and has \d+ answer\(s\)\.$/).waitFor();
    assert.equal(
      (await storage.assignments.get(scenario.assessmentId, 7))?.value.channel.channelId,
      scenario.channel.channelId,
    );
    await page.getByRole("button", { name: "Move it and keep its answers" }).click();
    await page.getByText(/^Area 7: .* — lead\(s\): /).waitFor();
    assert.equal((await storage.assignments.get(scenario.assessmentId, 7))?.value.channel.channelId, youth.channelId);
    assert.ok((await storage.responses.listAreaAnswers(scenario.assessmentId, 7)).length > 0, "the answers stayed");
    await page.context().close();

    // The API itself: coordinator only, validated, clear refusals.
    const assignAs = (person: TeamsPerson, body: object) => scenario.tabApi(person, "PUT", "/assignments", body);
    const valid = { areas: [4], channelId: youth.channelId, leadAadIds: [scenario.lead.aadObjectId] };
    assert.equal((await assignAs(scenario.lead, valid)).status, 403);
    const noLead = await assignAs(scenario.coordinator, { ...valid, leadAadIds: [] });
    assert.equal(noLead.status, 400);
    assert.equal(((await noLead.json()) as { message: string }).message, "Name at least one lead.");
    const unknownChannel = await assignAs(scenario.coordinator, { ...valid, channelId: "19:unknown@thread.tacv2" });
    assert.equal(unknownChannel.status, 422);
    const outsider = await assignAs(scenario.coordinator, {
      ...valid,
      leadAadIds: [makePerson("Outside Person").aadObjectId],
    });
    assert.equal(outsider.status, 422);
    assert.equal(
      await storage.assignments.get(scenario.assessmentId, 4),
      undefined,
      "nothing was assigned by a refused call",
    );
  });
});
