import { Field, Radio, RadioGroup } from "@fluentui/react-components";

/** The agreed rating a lead records for a statement, 4 to 1 as the framework lists them. */
export function AgreedRatingField(props: { statementId: string; value: string; onChange: (rating: string) => void }) {
  return (
    <Field label={`Agreed rating for ${props.statementId}`}>
      <RadioGroup
        layout="horizontal"
        value={props.value}
        onChange={(_, data) => {
          props.onChange(data.value);
        }}
      >
        {["4", "3", "2", "1"].map((value) => (
          <Radio key={value} value={value} label={value} />
        ))}
      </RadioGroup>
    </Field>
  );
}
