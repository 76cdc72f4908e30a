import { useState } from "react";
import { Button, Card, Field, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MyAreaView, SaveResponse } from "../bot/tab/tabApiContract";
import type { Api } from "./tabApi";
import { formatDateTime } from "../assessment/time/formatDates";
import type { Draft, DraftStore } from "./drafts";
import { NoticeBar, type Notice } from "./NoticeBar";
import { TextareaField } from "./TextareaField";
import { usePageStyles } from "./pageStyles";

const useStyles = makeStyles({
  statement: { fontWeight: tokens.fontWeightSemibold },
  guide: { color: tokens.colorNeutralForeground2 },
});

type StatementView = MyAreaView["statements"][number];

/** The answer's two texts, in the order the framework asks for them; evidence gets the taller box. */
const TEXT_FIELDS = [
  { field: "evidence", rows: 4 },
  { field: "ideas", rows: 3 },
] as const;

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
  const layout = usePageStyles();
  const stored: Draft = statement.mine
    ? { rating: String(statement.mine.rating), evidence: statement.mine.evidence, ideas: statement.mine.ideas }
    : { rating: "", evidence: "", ideas: "" };
  const [draft, setDraft] = useState<Draft>(() => drafts.read(statement.id) ?? stored);
  const [restored] = useState(() => drafts.read(statement.id) !== undefined);
  const [outcome, setOutcome] = useState<Notice | undefined>(
    restored ? { ok: false, text: "Unsaved changes from earlier were restored. Save to keep them." } : undefined,
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
          ok: true,
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
        setOutcome({ ok: false, text: `Not saved: ${result.message}` });
      }
    } catch (error) {
      setOutcome({
        ok: false,
        text: `Not saved: ${error instanceof Error ? error.message : "the bot did not answer"}. Your text is kept here.`,
      });
    } finally {
      setSaving(false);
    }
  };
  const headingId = `statement-${statement.id}`;
  return (
    <Card className={layout.section} aria-labelledby={headingId} role="region">
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
      {TEXT_FIELDS.map(({ field, rows }) => (
        <TextareaField
          key={field}
          label={view.prompts[field]}
          hint={`Up to ${view.limits[`${field}MaxChars`]} characters`}
          resize="vertical"
          rows={rows}
          value={draft[field]}
          onChange={(text) => {
            change({ [field]: text });
          }}
          disabled={closed}
        />
      ))}
      <div className={layout.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={saving || closed}>
          {saving ? "Saving…" : `Save ${statement.id}`}
        </Button>
        {closed ? <Text>This area is closed.</Text> : null}
      </div>
      <NoticeBar notice={outcome} />
    </Card>
  );
}
