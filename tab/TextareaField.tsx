import { Field, Textarea, type TextareaProps } from "@fluentui/react-components";

/** A labelled text box whose text lives in the caller's state (so a refused save keeps what was typed). */
export function TextareaField(
  props: { label: string; hint?: string; value: string; onChange: (text: string) => void } & Pick<
    TextareaProps,
    "maxLength" | "resize" | "rows" | "disabled"
  >,
) {
  const { label, hint, onChange, ...textarea } = props;
  return (
    <Field label={label} hint={hint}>
      <Textarea
        {...textarea}
        onChange={(_, data) => {
          onChange(data.value);
        }}
      />
    </Field>
  );
}
