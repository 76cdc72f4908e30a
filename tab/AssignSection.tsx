import { useEffect, useState } from "react";
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { AssignResponse, GroupPeople, OverviewView } from "../bot/tab/tabApiContract";
import { problemText, type Api } from "./tabApi";
import { ChoiceField } from "./ChoiceField";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  people: { display: "flex", flexDirection: "column", border: "none", margin: 0, padding: 0 },
});

type Outcome =
  { kind: "done"; lines: string[] } | { kind: "problem"; text: string } | { kind: "confirm"; lines: string[] };

/**
 * The coordinator assigns an area to a group's channel and names its leads from that team, through
 * the same assignment service as the `assign` dialog; moving an area that has answers asks first.
 * What was picked stays picked when the server refuses.
 */
export function AssignSection(props: { api: Api; view: OverviewView; onAssigned: () => void }) {
  const styles = useStyles();
  const [area, setArea] = useState("");
  const [channelId, setChannelId] = useState("");
  const [people, setPeople] = useState<GroupPeople["people"] | undefined>();
  const [leads, setLeads] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  useEffect(() => {
    setPeople(undefined);
    setLeads([]);
    if (channelId === "") return;
    props.api<GroupPeople>("GET", `/groups/${encodeURIComponent(channelId)}/people`).then(
      (found) => {
        setPeople(found.people);
      },
      (error: unknown) => {
        setOutcome({ kind: "problem", text: problemText(error) });
      },
    );
  }, [props.api, channelId]);

  const assign = async (confirmMoves: boolean) => {
    try {
      const result = await props.api<AssignResponse>("PUT", "/assignments", {
        areas: area === "" ? [] : [Number(area)],
        channelId,
        leadAadIds: leads,
        confirmMoves,
      });
      if (result.ok) {
        setOutcome({ kind: "done", lines: result.summary });
        props.onAssigned();
      } else if (result.moves)
        setOutcome({
          kind: "confirm",
          lines: [
            result.message,
            ...result.moves.map(
              (move) => `Area ${move.areaNumber} is with ${move.channelName} and has ${move.answerCount} answer(s).`,
            ),
          ],
        });
      else setOutcome({ kind: "problem", text: result.message });
    } catch (error) {
      setOutcome({ kind: "problem", text: (error as Error).message });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="assign">
      <Title3 as="h2" id="assign">
        Assign areas and leads
      </Title3>
      {props.view.groups.length === 0 ? (
        <Text>No group channel is known yet: type assign in a group's channel once, then assign from here.</Text>
      ) : (
        <>
          <ChoiceField
            label="Area"
            value={area}
            choices={props.view.areas.map((candidate) => ({
              value: String(candidate.number),
              text: `${candidate.number}. ${candidate.title} — ${candidate.group || "not assigned"}`,
            }))}
            onChange={setArea}
          />
          <ChoiceField
            label="Group's channel"
            value={channelId}
            choices={props.view.groups.map((group) => ({ value: group.channelId, text: group.name }))}
            onChange={setChannelId}
          />
          {channelId === "" ? null : !people ? (
            <Spinner size="tiny" label="Loading the group's people…" />
          ) : (
            <fieldset className={styles.people}>
              <legend>Leads</legend>
              {people.map((person) => (
                <Checkbox
                  key={person.aadObjectId}
                  label={person.name}
                  checked={leads.includes(person.aadObjectId)}
                  onChange={(_, data) => {
                    setLeads((current) =>
                      data.checked === true
                        ? [...current, person.aadObjectId]
                        : current.filter((id) => id !== person.aadObjectId),
                    );
                  }}
                />
              ))}
            </fieldset>
          )}
          <div>
            <Button appearance="primary" onClick={() => void assign(false)}>
              Assign
            </Button>
          </div>
        </>
      )}
      {outcome ? (
        <MessageBar intent={outcome.kind === "done" ? "success" : "warning"} role="status" layout="multiline">
          <MessageBarBody>
            {outcome.kind === "problem"
              ? `Not assigned: ${outcome.text}`
              : outcome.lines.map((line) => <div key={line}>{line}</div>)}
            {outcome.kind === "confirm" ? (
              <Button onClick={() => void assign(true)}>Move it and keep its answers</Button>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
