import { Field, Select } from "@fluentui/react-components";

/** A labelled drop-down that starts on "Choose…" (the empty value) until something is picked. */
export function ChoiceField(props: {
  label: string;
  value: string;
  choices: ReadonlyArray<{ value: string; text: string }>;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  return (
    <Field label={props.label}>
      <Select
        value={props.value}
        onChange={(_, data) => {
          props.onChange(data.value);
        }}
        disabled={props.disabled}
      >
        <option value="">Choose…</option>
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A global score's choices: every whole number from 0 to the framework's maximum. */
export function scoreChoices(max: number): Array<{ value: string; text: string }> {
  return Array.from({ length: max + 1 }, (_, score) => ({ value: String(score), text: String(score) }));
}
