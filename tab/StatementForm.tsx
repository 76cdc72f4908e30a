import { useState } from "react";
import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { MyAreaView, SaveResponse } from "../bot/tab/tabApiContract";
import type { Api } from "./tabApi";
import { formatDateTime } from "../assessment/time/formatDates";
import type { Draft, DraftStore } from "./drafts";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  statement: { fontWeight: tokens.fontWeightSemibold },
  guide: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
});

type StatementView = MyAreaView["statements"][number];

/** One statement: rating with the framework's guide, evidence, ideas and a save that never loses the text. */
export function StatementForm(props: {
  api: Api;
  view: MyAreaView;
  statement: StatementView;
  drafts: DraftStore;
  onSaved: (statementId: string, answeredCount: number, mine: NonNullable<StatementView["mine"]>) => void;
}) {
  const { api, view, statement, drafts } = props;
  const styles = useStyles();
  const stored: Draft = statement.mine
    ? { rating: String(statement.mine.rating), evidence: statement.mine.evidence, ideas: statement.mine.ideas }
    : { rating: "", evidence: "", ideas: "" };
  const [draft, setDraft] = useState<Draft>(() => drafts.read(statement.id) ?? stored);
  const [restored] = useState(() => drafts.read(statement.id) !== undefined);
  const [outcome, setOutcome] = useState<{ kind: "saved" | "error"; text: string } | undefined>(
    restored ? { kind: "error", text: "Unsaved changes from earlier were restored. Save to keep them." } : undefined,
  );
  const [saving, setSaving] = useState(false);
  const closed = view.area.status === "closed";
  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    drafts.write(statement.id, next);
  };
  const save = async () => {
    setSaving(true);
    try {
      const result = await api<SaveResponse>("PUT", `/areas/${view.area.number}/answers/${statement.id}`, draft);
      if (result.ok) {
        drafts.clear(statement.id);
        setOutcome({
          kind: "saved",
          text: `Saved (${formatDateTime(result.savedAt, view.timeZone)}). You can change it until the area closes.`,
        });
        props.onSaved(statement.id, result.answeredCount, {
          rating: Number(draft.rating),
          evidence: draft.evidence,
          ideas: draft.ideas,
          updatedAt: result.savedAt,
          // The server saves into the statement's current round only an answer given in an earlier one.
          round: statement.mine ? (statement.round ?? statement.mine.round) : 1,
        });
      } else {
        setOutcome({ kind: "error", text: `Not saved: ${result.message}` });
      }
    } catch (error) {
      setOutcome({
        kind: "error",
        text: `Not saved: ${error instanceof Error ? error.message : "the bot did not answer"}. Your text is kept here.`,
      });
    } finally {
      setSaving(false);
    }
  };
  const headingId = `statement-${statement.id}`;
  return (
    <Card className={styles.card} aria-labelledby={headingId} role="region">
      <Text id={headingId} as="h3" className={styles.statement}>
        {statement.id}. {statement.text}
      </Text>
      {statement.round !== undefined && (statement.mine?.round ?? 1) < statement.round ? (
        <Text weight="semibold">
          Sent back to the group for round {statement.round}: look again, then save your rating (the same or a new one).
        </Text>
      ) : null}
      <Text size={200}>
        {statement.answeredCount === 1 ? "1 person has answered" : `${statement.answeredCount} people have answered`}
      </Text>
      <Field label="Your rating" required>
        <RadioGroup
          value={draft.rating}
          onChange={(_, data) => {
            change({ rating: data.value });
          }}
          disabled={closed}
        >
          {view.scale.map((level) => (
            <Radio
              key={level.value}
              value={String(level.value)}
              label={
                <span>
                  {`${level.value} — ${level.label}`}
                  <br />
                  <span className={styles.guide}>{level.guide}</span>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <Field label={view.prompts.evidence} hint={`Up to ${view.limits.evidenceMaxChars} characters`}>
        <Textarea
          resize="vertical"
          rows={4}
          value={draft.evidence}
          onChange={(_, data) => {
            change({ evidence: data.value });
          }}
          disabled={closed}
        />
      </Field>
      <Field label={view.prompts.ideas} hint={`Up to ${view.limits.ideasMaxChars} characters`}>
        <Textarea
          resize="vertical"
          rows={3}
          value={draft.ideas}
          onChange={(_, data) => {
            change({ ideas: data.value });
          }}
          disabled={closed}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={saving || closed}>
          {saving ? "Saving…" : `Save ${statement.id}`}
        </Button>
        {closed ? <Text>This area is closed.</Text> : null}
      </div>
      {outcome ? (
        <MessageBar intent={outcome.kind === "saved" ? "success" : "warning"} role="status">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Card>
  );
}
